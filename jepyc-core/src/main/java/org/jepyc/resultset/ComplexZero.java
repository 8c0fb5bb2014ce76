package org.jepyc.resultset;

/** The engine's complex zero ({@link ComplexValue#ZERO}), printed as Python prints {@code 0j}'s pair. */
final class ComplexZero implements ComplexValue {

    @Override public double re() { return 0; }

    @Override public double im() { return 0; }

    @Override public String toString() { return "(0.0+0.0j)"; }
}
