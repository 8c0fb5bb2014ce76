package org.jepyc;

import java.io.Serializable;

import org.jepyc.resultset.ComplexValue;

/**
 * A complex number, as results and parameters hold them (Python's {@code complex}).
 *
 * @param re the real part
 * @param im the imaginary part
 */
// The engine reads complex values through ComplexValue, which is not exported: users cannot name
// it, and implementing it spares a conversion of every complex cell entering a result set.
@SuppressWarnings("exports")
public record Complex(double re, double im) implements Serializable, ComplexValue {
    /** Zero, the fill value of complex columns. */
    public static final Complex ZERO = new Complex(0, 0);

    @Override
    public String toString() {
        return "(" + re + (im < 0 || (im == 0 && 1 / im < 0) ? "-" : "+") + Math.abs(im) + "j)";
    }
}
