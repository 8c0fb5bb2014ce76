package org.jepyc.campaign;

import java.util.Arrays;

/**
 * Point hash to the best state a point has reached, in an open-addressing table of primitive
 * longs: a million points cost 9 MB and no boxing, which is what keeps resuming a large
 * campaign to a hash lookup a point. States are small integers, higher meaning further along.
 */
public final class PointStates {
    private static final byte NONE = -1;
    private long[] keys;
    private byte[] states;
    private int size;

    /** @param expected how many points to expect */
    public PointStates(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        states = new byte[capacity];
        Arrays.fill(states, NONE);
    }

    /**
     * Records a state for a point, keeping the higher of it and any state already recorded.
     *
     * @param point the point's hash
     * @param state its state, 0 to 127
     */
    public void raise(long point, byte state) {
        int i = slot(point);
        if (states[i] == NONE) {
            keys[i] = point;
            states[i] = state;
            if (++size * 2 > keys.length) {
                grow();
            }
        } else if (state > states[i]) {
            states[i] = state;
        }
    }

    /**
     * @param point a point's hash
     * @return its state, or -1 if none is recorded
     */
    public byte get(long point) {
        return states[slot(point)];
    }

    private int slot(long point) {
        int mask = keys.length - 1;
        int i = (int) Seeds.mix(point) & mask;
        while (states[i] != NONE && keys[i] != point) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        byte[] oldStates = states;
        keys = new long[oldKeys.length * 2];
        states = new byte[oldKeys.length * 2];
        Arrays.fill(states, NONE);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldStates[i] != NONE) {
                raise(oldKeys[i], oldStates[i]);
            }
        }
    }
}
