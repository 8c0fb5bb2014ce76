/** Worked examples of jepyc: an SIR epidemic on a random network, and a sweep over it. */
module org.jepyc.examples {
    requires transitive org.jepyc;

    exports org.jepyc.examples;
}
