package org.jepyc.hdf5.h5;

/**
 * A complex number as stored in h5py's complex compound; used as the element of lists of complex
 * values (whole complex columns use {@link ColumnData.Complexes} instead).
 */
public record ComplexPair(double re, double im) {}
