package org.jepyc.examples;

import java.util.Map;
import java.util.random.RandomGenerator;

import org.jepyc.Experiment;

/**
 * An SIR epidemic on an Erdős–Rényi random network, in discrete time: each step, every infected
 * node infects each susceptible neighbour with probability {@code pInfect} and then recovers
 * with probability {@code pRecover}. The network is built in {@link #setUp} (a fresh one per
 * run), the epidemic in {@link #perform}.
 *
 * <p>Parameters: {@code n} nodes, {@code kMean} mean degree, {@code pInfect}, {@code pRecover}.
 * Results: {@code size} (fraction ever infected), {@code peak} (largest fraction infected at
 * once), {@code duration} (steps until no-one is infected).
 */
public class SirEpidemic extends Experiment {
    private static final long serialVersionUID = 1L;

    private transient int[][] neighbours;
    private transient RandomGenerator random;

    /** An epidemic experiment; its parameters come with each point. */
    public SirEpidemic() { }

    @Override
    protected void setUp(Map<String, Object> p) {
        int n = ((Number) p.get("n")).intValue();
        double kMean = ((Number) p.get("kMean")).doubleValue();
        random = random();   // seeded from the lab's root seed, the point and the repetition when the lab has one
        neighbours = RandomNetwork.erdosRenyi(n, kMean / (n - 1), random);
    }

    @Override
    protected Map<String, ?> perform(Map<String, Object> p) {
        double pInfect = ((Number) p.get("pInfect")).doubleValue();
        double pRecover = ((Number) p.get("pRecover")).doubleValue();
        int n = neighbours.length;
        byte[] state = new byte[n];          // 0 susceptible, 1 infected, 2 removed
        int[] infected = new int[n];
        int[] next = new int[n];
        int count = 1;
        infected[0] = random.nextInt(n);
        state[infected[0]] = 1;
        int ever = 1;
        int peak = 1;
        long steps = 0;
        while (count > 0) {
            steps++;
            int nextCount = 0;
            for (int i = 0; i < count; i++) {
                for (int m : neighbours[infected[i]]) {
                    if (state[m] == 0 && random.nextDouble() < pInfect) {
                        state[m] = 1;
                        next[nextCount++] = m;
                        ever++;
                    }
                }
            }
            for (int i = 0; i < count; i++) {
                int v = infected[i];
                if (random.nextDouble() < pRecover) {
                    state[v] = 2;
                } else {
                    next[nextCount++] = v;
                }
            }
            int[] t = infected;
            infected = next;
            next = t;
            count = nextCount;
            peak = Math.max(peak, count);
        }
        return Map.of("size", (double) ever / n, "peak", (double) peak / n, "duration", steps);
    }

    @Override
    protected void tearDown() {
        neighbours = null;
    }
}
