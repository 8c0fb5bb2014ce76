/**
 * The HDF5 format as a service the core finds by file extension ({@code ServiceLoader} over
 * {@code org.jepyc.storage.NotebookFormat}). Not exported: users open notebooks through
 * {@link org.jepyc.LabNotebook#open(java.nio.file.Path)} or {@link org.jepyc.hdf5.Hdf5LabNotebook}.
 */
package org.jepyc.hdf5.provider;
