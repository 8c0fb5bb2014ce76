package org.jepyc;

import java.util.SplittableRandom;

import org.jepyc.design.SobolSequence;

/**
 * The first n points of the Sobol' low-discrepancy sequence (Joe and Kuo's direction numbers,
 * as scipy's {@code qmc.Sobol}), starting at the origin. Plain by default: the published
 * sequence, so the same n always gives the same points. With a seed, each dimension is
 * scrambled by a random digital shift (an XOR of its bits), which keeps the sequence's balance
 * while avoiding the origin and aligned points. Up to {@value SobolSequence#MAX_DIMENSIONS}
 * parameters. Powers of two keep the balance properties best.
 */
public class SobolDesign extends SamplingDesign {
    private static final long serialVersionUID = 1L;
    private final Long seed;

    /** @param points the number of points of the plain sequence */
    public SobolDesign(int points) {
        super(points);
        this.seed = null;
    }

    /**
     * @param points the number of points
     * @param seed   the seed of the digital shift
     */
    public SobolDesign(int points, long seed) {
        super(points);
        this.seed = seed;
    }

    @Override
    protected double[][] unitPoints(int n, int dims) {
        long[] shift = new long[dims];
        if (seed != null) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int d = 0; d < dims; d++) {
                shift[d] = random.nextLong() & 0xFFFF_FFFFL;
            }
        }
        return SobolSequence.points(n, dims, shift);
    }
}
