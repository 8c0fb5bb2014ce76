/** epyc's JSON notebook format: {@link org.jepyc.json.JsonLabNotebook}, found by extension through the storage SPI. */
module org.jepyc.json {
    requires transitive org.jepyc;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports org.jepyc.json;

    provides org.jepyc.storage.NotebookFormat with org.jepyc.json.provider.JsonNotebookFormat;
}
