package org.jepyc;

import java.util.SplittableRandom;

/**
 * Latin hypercube sampling: n points such that, in every dimension, each of the n equal strata
 * of the unit interval holds exactly one point (placed at random within it). The same seed gives
 * the same points.
 */
public class LatinHypercubeDesign extends SamplingDesign {
    private static final long serialVersionUID = 1L;
    private final long seed;

    /**
     * @param points the number of points
     * @param seed   the seed of the strata's permutations and of the positions within strata
     */
    public LatinHypercubeDesign(int points, long seed) {
        super(points);
        this.seed = seed;
    }

    @Override
    protected double[][] unitPoints(int n, int dims) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] u = new double[n][dims];
        int[] perm = new int[n];
        for (int d = 0; d < dims; d++) {
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            for (int i = 0; i < n; i++) {
                u[i][d] = (perm[i] + random.nextDouble()) / n;
            }
        }
        return u;
    }
}
