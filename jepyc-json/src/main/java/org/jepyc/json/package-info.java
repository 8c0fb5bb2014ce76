/**
 * Notebooks persisted as epyc's JSON files: {@link org.jepyc.json.JsonLabNotebook}. The codec
 * classes here only map result-set columns to the file; notebook logic lives in
 * {@link org.jepyc.LabNotebook}.
 */
package org.jepyc.json;
