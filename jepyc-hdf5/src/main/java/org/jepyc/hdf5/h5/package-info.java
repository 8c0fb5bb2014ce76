/**
 * Internal: the HDF5 layer, one class per thing in the file (files, groups, attributes, chunked
 * compound tables, their field types) and the codecs between Java arrays and native buffers.
 * Writes go through the HDF Group's native library, reads of shared or remote files through jhdf.
 * Knows nothing of notebooks or of the API package {@code org.jepyc}: of the core it uses only
 * Python's float text ({@code org.jepyc.resultset.PythonFloats}).
 */
package org.jepyc.hdf5.h5;
