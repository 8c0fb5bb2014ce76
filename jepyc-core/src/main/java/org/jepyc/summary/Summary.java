package org.jepyc.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Summary statistics of the values one result took over several runs: epyc's mean, median,
 * population variance, minimum and maximum, plus the sample standard deviation and the
 * half-width of the 95% confidence interval of the mean (Student's t). List values are pooled
 * element by element, booleans count as 0 and 1 (as numpy does).
 */
public final class Summary {
    private final double mean;
    private final double median;
    private final double variance;
    private final Object min;
    private final Object max;
    private final double stddev;
    private final double ci95;

    private Summary(double[] xs, Object min, Object max) {
        int n = xs.length;
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        mean = sum / n;
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        variance = ss / n;
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        stddev = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        ci95 = n > 1 ? StudentT.quantile(0.975, n - 1) * stddev / Math.sqrt(n) : Double.NaN;
        this.min = min;
        this.max = max;
    }

    /**
     * @param values the values of one result, one per successful run (numbers, booleans, or
     *               lists of them)
     * @return their summary
     * @throws IllegalArgumentException if a value is not numeric, or there are none
     */
    public static Summary of(List<?> values) {
        List<Object> flat = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof List<?> l) {
                flat.addAll(l);
            } else {
                flat.add(v);
            }
        }
        if (flat.isEmpty()) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double[] xs = new double[flat.size()];
        boolean allLong = true;
        boolean allBool = true;
        int iMin = 0;
        int iMax = 0;
        for (int i = 0; i < xs.length; i++) {
            Object v = flat.get(i);
            if (v instanceof Boolean b) {
                xs[i] = b ? 1 : 0;
                allLong = false;
            } else if (v instanceof Number num) {
                xs[i] = num.doubleValue();
                allBool = false;
                allLong &= v instanceof Long || v instanceof Integer;
            } else {
                throw new IllegalArgumentException("cannot summarise non-numeric value " + v
                        + (v == null ? "" : " of type " + v.getClass().getSimpleName()));
            }
            iMin = xs[i] < xs[iMin] ? i : iMin;
            iMax = xs[i] > xs[iMax] ? i : iMax;
        }
        Object min;
        Object max;
        if (allBool) {
            min = xs[iMin] != 0;
            max = xs[iMax] != 0;
        } else if (allLong) {
            min = ((Number) flat.get(iMin)).longValue();
            max = ((Number) flat.get(iMax)).longValue();
        } else {
            min = xs[iMin];
            max = xs[iMax];
        }
        return new Summary(xs, min, max);
    }

    /** @return the arithmetic mean */
    public double mean() { return mean; }

    /** @return the median (mean of the middle two for an even count) */
    public double median() { return median; }

    /** @return the population variance (divisor n, numpy's default) */
    public double variance() { return variance; }

    /** @return the smallest value, keeping its type (Long, Double or Boolean) */
    public Object min() { return min; }

    /** @return the largest value, keeping its type */
    public Object max() { return max; }

    /** @return the sample standard deviation (divisor n-1); NaN for one value */
    public double stddev() { return stddev; }

    /** @return the half-width of the 95% confidence interval of the mean; NaN for one value */
    public double ci95() { return ci95; }
}
