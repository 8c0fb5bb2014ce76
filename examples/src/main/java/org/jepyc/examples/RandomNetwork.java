package org.jepyc.examples;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Random networks as adjacency arrays, for the example experiments. */
public final class RandomNetwork {

    private RandomNetwork() { }

    /**
     * An Erdős–Rényi G(n, p) network, built by skipping geometrically between edges so that
     * sparse networks cost time in proportion to their edges, not to n².
     *
     * @param n      nodes
     * @param p      probability of each edge
     * @param random the source of randomness
     * @return each node's neighbours
     */
    public static int[][] erdosRenyi(int n, double p, RandomGenerator random) {
        int[] degree = new int[n];
        int[] from = new int[16];
        int[] to = new int[16];
        int edges = 0;
        double logq = Math.log(1 - p);
        int v = 1;
        int w = -1;
        while (v < n && p > 0) {
            w += 1 + (int) Math.floor(Math.log(1 - random.nextDouble()) / logq);
            while (w >= v && v < n) {
                w -= v;
                v++;
            }
            if (v < n) {
                if (edges == from.length) {
                    from = Arrays.copyOf(from, edges * 2);
                    to = Arrays.copyOf(to, edges * 2);
                }
                from[edges] = v;
                to[edges] = w;
                edges++;
                degree[v]++;
                degree[w]++;
            }
        }
        int[][] adj = new int[n][];
        for (int i = 0; i < n; i++) {
            adj[i] = new int[degree[i]];
        }
        int[] fill = new int[n];
        for (int e = 0; e < edges; e++) {
            adj[from[e]][fill[from[e]]++] = to[e];
            adj[to[e]][fill[to[e]]++] = from[e];
        }
        return adj;
    }
}
