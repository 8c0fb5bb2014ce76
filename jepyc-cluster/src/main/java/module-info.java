/**
 * Running experiments on a Hazelcast cluster: {@link org.jepyc.cluster.ClusterLab} is the API.
 * The dashboard watches a cluster through the profile, client and protocol packages. Launching,
 * SLURM, the head and the workers are internal: the command line and the benchmarks that drive
 * them run on the class path (see their poms).
 */
@SuppressWarnings("module")     // the modules exported to are built after this one
module org.jepyc.cluster {
    requires transitive org.jepyc;
    requires com.hazelcast.core;
    requires com.fasterxml.jackson.databind;
    requires java.management;

    exports org.jepyc.cluster;

    exports org.jepyc.cluster.admin to org.jepyc.dashboard;
    exports org.jepyc.cluster.client to org.jepyc.dashboard;
    exports org.jepyc.cluster.protocol to org.jepyc.dashboard;
}
