/**
 * epyc's HDF5 notebook format: {@link org.jepyc.hdf5.Hdf5LabNotebook}, found by extension through
 * the storage SPI. The HDF5 layer ({@code org.jepyc.hdf5.h5}) is internal.
 */
@SuppressWarnings("module")     // the format is called HDF5: the digit belongs in its name
module org.jepyc.hdf5 {
    requires transitive org.jepyc;
    requires org.bytedeco.hdf5;
    requires org.bytedeco.javacpp;
    requires io.jhdf;
    requires java.net.http;                 // reading a notebook from an http(s) URL
    requires org.slf4j;

    exports org.jepyc.hdf5;

    provides org.jepyc.storage.NotebookFormat with org.jepyc.hdf5.provider.Hdf5NotebookFormat;
}
