package org.jepyc.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** The command line's logging switches. */
final class Logging {
    private static boolean debug;

    private Logging() { }

    /** @param on show debug logging and stack traces */
    static void debug(boolean on) {
        debug = on;
        if (on) {
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.DEBUG);
            ((Logger) LoggerFactory.getLogger("org.jepyc")).setLevel(Level.DEBUG);
            ((Logger) LoggerFactory.getLogger("org.jepyc.Experiment")).setLevel(Level.DEBUG);
        }
    }

    /** @return true if --debug was given */
    static boolean isDebug() {
        return debug;
    }
}
