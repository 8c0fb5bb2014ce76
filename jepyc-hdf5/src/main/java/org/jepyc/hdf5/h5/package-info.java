/**
 * Internal: the HDF5 layer, one class per thing in the file (files, groups, attributes, chunked
 * compound tables, their field types) and the codecs between Java arrays and native buffers.
 * Writes go through the HDF Group's native library, called through one binding (JavaCPP's C API,
 * {@code org.bytedeco.hdf5.global.hdf5}) under {@link org.jepyc.hdf5.h5.H5Library#LOCK}; reads of
 * shared or remote files go through the pure-Java jhdf. Every HDF5 identifier is owned by an
 * {@code H5Id} used in try-with-resources, and memory a read makes HDF5 allocate by a
 * {@code ReadBuffer}, so both are released on every path, failures included.
 * Knows nothing of notebooks or of the API package {@code org.jepyc}: of the core it uses only
 * Python's float text ({@code org.jepyc.resultset.PythonFloats}).
 */
package org.jepyc.hdf5.h5;
