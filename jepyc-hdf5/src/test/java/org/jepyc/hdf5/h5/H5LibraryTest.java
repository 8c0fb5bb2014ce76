package org.jepyc.hdf5.h5;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H5LibraryTest {

    @Test
    void loadsTheBundledLibraryOnce() {
        String path = H5Library.ensureLoaded();
        assertThat(path).contains("hdf5-1.14.3-1.5.10").endsWith("libhdf5_java.so");
        assertThat(H5Library.ensureLoaded()).isSameAs(path);
        assertThat(System.getProperty("hdf.hdf5lib.H5.hdf5lib")).isEqualTo(path);
        assertThat(H5Library.version()).isEqualTo("1.14.3");
    }
}
