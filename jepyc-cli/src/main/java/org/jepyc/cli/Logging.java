package org.jepyc.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** The command line's logging switches. */
final class Logging {
    /** The loggers logback.xml gives a level of their own, which --debug lowers. */
    private static final List<String> LOGGERS = List.of(Logger.ROOT_LOGGER_NAME, "org.jepyc", "org.jepyc.Experiment",
            "org.jepyc.hdf5.CommitWriter", "org.jepyc.hdf5.Hdf5Storage");
    /** The levels logback.xml gave, kept while --debug overrides them. */
    private static final Map<String, Level> CONFIGURED = new LinkedHashMap<>();
    private static boolean debug;

    private Logging() { }

    /**
     * @param on show debug logging and stack traces; false puts back the configured levels (a
     *           command line run in the same JVM after one with --debug starts as if fresh)
     */
    static synchronized void debug(boolean on) {
        if (on && !debug) {
            for (String name : LOGGERS) {
                Logger logger = (Logger) LoggerFactory.getLogger(name);
                CONFIGURED.put(name, logger.getLevel());
                logger.setLevel(Level.DEBUG);
            }
        } else if (!on && debug) {
            CONFIGURED.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
            CONFIGURED.clear();
        }
        debug = on;
    }

    /** @return true if --debug was given */
    static synchronized boolean isDebug() {
        return debug;
    }
}
