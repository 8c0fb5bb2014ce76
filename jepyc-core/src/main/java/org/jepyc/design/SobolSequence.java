package org.jepyc.design;

/**
 * The Sobol' sequence in base 2, 32 bits, generated in Gray-code order (Antonov and Saleev)
 * from Joe and Kuo's direction numbers ("new-joe-kuo-6.21201", the table scipy uses).
 */
public final class SobolSequence {

    /** Dimensions the table below supports. */
    public static final int MAX_DIMENSIONS = 32;

    /** Per dimension from the second: degree s, coefficients a, initial direction numbers m. */
    private static final int[][] TABLE = {
        {1, 0, 1}, {2, 1, 1, 3}, {3, 1, 1, 3, 1}, {3, 2, 1, 1, 1}, {4, 1, 1, 1, 3, 3}, {4, 4, 1, 3, 5, 13},
        {5, 2, 1, 1, 5, 5, 17}, {5, 4, 1, 1, 5, 5, 5}, {5, 7, 1, 1, 7, 11, 19}, {5, 11, 1, 1, 5, 1, 1},
        {5, 13, 1, 1, 1, 3, 11}, {5, 14, 1, 3, 5, 5, 31}, {6, 1, 1, 3, 3, 9, 7, 49}, {6, 13, 1, 1, 1, 15, 21, 21},
        {6, 16, 1, 3, 1, 13, 27, 49}, {6, 19, 1, 1, 1, 15, 7, 5}, {6, 22, 1, 3, 1, 15, 13, 25},
        {6, 25, 1, 1, 5, 5, 19, 61}, {7, 1, 1, 3, 7, 11, 23, 15, 103}, {7, 4, 1, 3, 7, 13, 13, 15, 69},
        {7, 7, 1, 1, 3, 13, 7, 35, 63}, {7, 8, 1, 3, 5, 9, 1, 25, 53}, {7, 14, 1, 3, 1, 13, 9, 35, 107},
        {7, 19, 1, 3, 1, 5, 27, 61, 31}, {7, 21, 1, 1, 5, 11, 19, 41, 61}, {7, 28, 1, 3, 5, 3, 3, 13, 69},
        {7, 31, 1, 1, 7, 13, 1, 19, 1}, {7, 32, 1, 3, 7, 5, 13, 19, 59}, {7, 37, 1, 1, 3, 9, 25, 29, 41},
        {7, 41, 1, 3, 5, 13, 23, 1, 55}, {7, 42, 1, 3, 7, 3, 13, 59, 17},
    };
    private static final int BITS = 32;

    private SobolSequence() { }

    /**
     * @param n     the number of points, starting with the origin (before any shift)
     * @param dims  the number of dimensions, at most {@link #MAX_DIMENSIONS}
     * @param shift per dimension, 32 bits XORed into every point (zero for the plain sequence)
     * @return the points, {@code u[point][dimension]} in [0, 1)
     */
    public static double[][] points(int n, int dims, long[] shift) {
        if (dims > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("The Sobol design supports up to " + MAX_DIMENSIONS
                    + " parameters, got " + dims);
        }
        long[][] v = new long[dims][];
        for (int d = 0; d < dims; d++) {
            v[d] = directions(d);
        }
        double[][] u = new double[n][dims];
        long[] x = new long[dims];
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                int c = Long.numberOfTrailingZeros(~((long) i - 1)) + 1;
                for (int d = 0; d < dims; d++) {
                    x[d] ^= v[d][c];
                }
            }
            for (int d = 0; d < dims; d++) {
                u[i][d] = (x[d] ^ shift[d]) / 4294967296.0;
            }
        }
        return u;
    }

    /** Direction numbers V[1..32] of a dimension, scaled to 32 bits. */
    private static long[] directions(int d) {
        long[] v = new long[BITS + 1];
        if (d == 0) {
            for (int i = 1; i <= BITS; i++) {
                v[i] = 1L << (BITS - i);
            }
            return v;
        }
        int[] row = TABLE[d - 1];
        int s = row[0];
        int a = row[1];
        for (int i = 1; i <= Math.min(s, BITS); i++) {
            v[i] = (long) row[1 + i] << (BITS - i);
        }
        for (int i = s + 1; i <= BITS; i++) {
            v[i] = v[i - s] ^ (v[i - s] >> s);
            for (int k = 1; k < s; k++) {
                v[i] ^= ((a >> (s - 1 - k)) & 1) * v[i - k];
            }
        }
        return v;
    }
}
