package org.jepyc.resultset;

/**
 * What the engine reads of a complex number: its two parts. {@link org.jepyc.Complex} is the
 * implementation users hold; the engine recognises and encodes complex values through this
 * interface so it need not import the API package.
 */
public interface ComplexValue {
    /** @return the real part */
    double re();

    /** @return the imaginary part */
    double im();
}
