package org.jepyc.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dflib.DataFrame;

/**
 * The plots of one reading of a result set, each computed once: the page asks again every time
 * the notebook changes, and a new reading brings a new instance.
 */
final class Plots {
    private static final int CACHED = 8;

    private final DataFrame df;
    private final Map<String, PlotData> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PlotData> eldest) {
            return size() > CACHED;
        }
    };

    /** @param df every row of the set */
    Plots(DataFrame df) {
        this.df = df;
    }

    /**
     * @param x     a parameter
     * @param y     a result
     * @param group a parameter, or null
     * @return the plot, see {@link PlotData#of}
     */
    PlotData plot(String x, String y, String group) {
        String key = x + "\u0000" + y + "\u0000" + group;
        synchronized (cache) {
            PlotData p = cache.get(key);
            if (p != null) {
                return p;
            }
        }
        PlotData p = PlotData.of(df, x, y, group);
        synchronized (cache) {
            cache.put(key, p);
        }
        return p;
    }
}
