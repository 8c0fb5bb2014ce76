package org.jepyc;

import java.io.Serializable;

/**
 * A continuous (or integer) interval to sample a parameter from, for the sampling designs
 * ({@link LatinHypercubeDesign}, {@link SobolDesign}, {@link RandomDesign}):
 * {@code lab.put("beta", Range.of(0.01, 0.2))}. Grid designs cannot enumerate it and refuse it.
 */
public final class Range implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How a point of the unit interval maps onto the range. */
    private enum Scale { LINEAR, LOG, INTEGER }

    private final double lo;
    private final double hi;
    private final Scale scale;

    private Range(double lo, double hi, Scale scale) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("A range needs finite lo < hi, got [" + lo + ", " + hi + ")");
        }
        this.lo = lo;
        this.hi = hi;
        this.scale = scale;
    }

    /**
     * @param lo the lower bound, included
     * @param hi the upper bound, excluded
     * @return floating-point values spread uniformly over [lo, hi)
     */
    public static Range of(double lo, double hi) {
        return new Range(lo, hi, Scale.LINEAR);
    }

    /**
     * @param lo the lower bound, included, greater than 0
     * @param hi the upper bound, excluded
     * @return floating-point values spread uniformly in their logarithm over [lo, hi)
     */
    public static Range log(double lo, double hi) {
        if (lo <= 0) {
            throw new IllegalArgumentException("A logarithmic range needs lo > 0, got " + lo);
        }
        return new Range(lo, hi, Scale.LOG);
    }

    /**
     * @param lo the smallest integer
     * @param hi the largest integer, at least lo
     * @return the integers lo..hi, each equally likely
     */
    public static Range integers(long lo, long hi) {
        return new Range(lo, hi + 1.0, Scale.INTEGER);
    }

    /** @return the lower bound */
    public double lo() { return lo; }

    /** @return the upper bound (excluded; for integers, one more than the largest) */
    public double hi() { return hi; }

    /**
     * @param u a point of the unit interval [0, 1)
     * @return the value of the range there: a {@code Double}, or a {@code Long} for integers
     */
    public Object at(double u) {
        switch (scale) {
            case LOG:
                return Math.min(Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))), Math.nextDown(hi));
            case INTEGER:
                return Math.min((long) Math.floor(lo + u * (hi - lo)), (long) hi - 1);
            default:
                return Math.min(lo + u * (hi - lo), Math.nextDown(hi));
        }
    }

    @Override
    public String toString() {
        return scale == Scale.INTEGER ? "Range.integers(" + (long) lo + ", " + ((long) hi - 1) + ")"
                : "Range." + (scale == Scale.LOG ? "log" : "of") + "(" + lo + ", " + hi + ")";
    }
}
