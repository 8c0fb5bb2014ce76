/**
 * The JSON format as a service the core finds by file extension ({@code ServiceLoader} over
 * {@code org.jepyc.storage.NotebookFormat}). Not exported: users open notebooks through
 * {@link org.jepyc.LabNotebook#open(java.nio.file.Path)} or {@link org.jepyc.json.JsonLabNotebook}.
 */
package org.jepyc.json.provider;
