/**
 * jepyc's core: experiments, labs, notebooks and result sets ({@code org.jepyc}, the whole user
 * API), over an engine that is not exported to users. The engine packages are exported only to
 * the jepyc modules built on them: the storage SPI and the result tables to the notebook formats,
 * the campaign and run helpers to the cluster and the dashboard.
 */
@SuppressWarnings("module")     // the modules exported to are built after this one
module org.jepyc {
    requires transitive dflib;              // DataFrame is in the API (Lab.dataframe)
    requires transitive org.slf4j;
    requires java.management;               // the JVM arguments a run records as provenance
    requires com.fasterxml.jackson.core;    // Python's float text, shared with the JSON format

    exports org.jepyc;

    // the command line, the Jupyter kernel and the benchmarks run on the class path (see their
    // poms), where exports do not apply; every module below is named
    exports org.jepyc.storage to org.jepyc.json, org.jepyc.hdf5;
    exports org.jepyc.resultset to org.jepyc.json, org.jepyc.hdf5, org.jepyc.cluster;
    exports org.jepyc.campaign to org.jepyc.cluster, org.jepyc.dashboard;
    exports org.jepyc.run to org.jepyc.cluster;

    uses org.jepyc.storage.NotebookFormat;
}
