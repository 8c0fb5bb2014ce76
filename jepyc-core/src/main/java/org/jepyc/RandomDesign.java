package org.jepyc;

import java.util.SplittableRandom;

/** n points drawn independently and uniformly; the same seed gives the same points. */
public class RandomDesign extends SamplingDesign {
    private static final long serialVersionUID = 1L;
    private final long seed;

    /**
     * @param points the number of points
     * @param seed   the seed
     */
    public RandomDesign(int points, long seed) {
        super(points);
        this.seed = seed;
    }

    @Override
    protected double[][] unitPoints(int n, int dims) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] u = new double[n][dims];
        for (double[] p : u) {
            for (int d = 0; d < dims; d++) {
                p[d] = random.nextDouble();
            }
        }
        return u;
    }
}
