package org.jepyc.resultset;

/**
 * What the engine reads of a complex number: its two parts. {@code org.jepyc.Complex} is the
 * implementation users hold; the engine recognises and encodes complex values through this
 * interface so it need not import the API package.
 */
public interface ComplexValue {

    /**
     * Zero, as the engine fills a complex cell that holds nothing. It is the engine's own value,
     * not the user's type: what hands cells to users (the API) gives it back as the user's zero.
     */
    ComplexValue ZERO = new ComplexZero();

    /** @return the real part */
    double re();

    /** @return the imaginary part */
    double im();

    /**
     * @param a a complex value
     * @param b another
     * @return true if their parts are equal as records compare doubles (NaN equals NaN, 0.0 is not -0.0)
     */
    static boolean sameParts(ComplexValue a, ComplexValue b) {
        return Double.compare(a.re(), b.re()) == 0 && Double.compare(a.im(), b.im()) == 0;
    }
}
