/** A web dashboard over notebooks and a cluster: {@link org.jepyc.dashboard.Dashboard}, started by {@code jepyc dashboard}. */
module org.jepyc.dashboard {
    requires org.jepyc;
    requires org.jepyc.cluster;
    requires jdk.httpserver;
    requires com.fasterxml.jackson.databind;

    exports org.jepyc.dashboard;
}
