package org.jepyc.hdf5;

/** The literal names of epyc 1.7.2's HDF5 layout, byte for byte as epyc writes them, plus jepyc's commit marker. */
final class Layout {
    static final String VERSION = "1";
    static final String CREATOR = "creator", VERSION_ATTR = "version", DESCRIPTION = "description",
            CURRENT = "current-resultset", LOCKED = "locked";
    static final String RESULTS = "results", PENDING = "pending";
    static final String METADATA_NAMES = "metadata", PARAMETER_NAMES = "parameters", RESULT_NAMES = "results";
    static final String JOBID = "epyc.resultset.pending-jobid";

    /** What jepyc writes as the creator; its prefix tells that jepyc made the last commit. */
    static final String CREATOR_TEXT = "Created by jepyc, computational experiment management for the JVM"
            + " (epyc 1.7.2's notebook format)";
    static final String JEPYC_PREFIX = "Created by jepyc";

    /**
     * Dataset attribute: the number of rows the last completed commit published. Rows beyond it
     * were written by a commit that did not finish, and are not read. Only trusted when the root
     * creator says jepyc wrote the file last (epyc rewrites rows without knowing of it).
     */
    static final String COMMITTED_ROWS = "jepyc.committed-rows";

    /**
     * Half the number of chunks one node of a table's chunk index holds (HDF5's istore_k):
     * 1,024 chunks, some 100 million rows at the chunk sizes {@link Schema#chunkRows} picks,
     * before the index first splits a node (a 33 KB node per table).
     */
    static final int CHUNK_INDEX_RANK = 512;

    /** Prefix of tables and groups being built by a commit, renamed into place when published. */
    static final String STAGED_PREFIX = "jepyc.staged-";

    /** Where a replaced table waits, between publishing its successor and being deleted. */
    static final String RETIRED_PREFIX = "jepyc.retired-";

    private Layout() { }
}
