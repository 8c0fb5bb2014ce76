package org.jepyc.campaign;

/**
 * Seeds derived from a campaign's root seed and a run's identity (its point and repetition), so
 * a run's random numbers never depend on the order points run in, the lab that runs them, or
 * the other points.
 */
public final class Seeds {

    private Seeds() { }

    /**
     * @param root       the campaign's root seed
     * @param point      the point's {@link PointHash}
     * @param repetition the repetition key, or -1 outside a repeated experiment
     * @return the run's seed
     */
    public static long derive(long root, long point, long repetition) {
        return mix(mix(root ^ mix(point)) + 0x9e3779b97f4a7c15L * (repetition + 2L));
    }

    /**
     * SplitMix64's finaliser: a bijection of 64-bit values that scatters nearby inputs.
     *
     * @param z a value
     * @return it mixed
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
