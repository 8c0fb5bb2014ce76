package org.jepyc.hdf5.h5;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;

class H5LibraryTest {

    @Test
    void loadsTheBundledLibraryOnceThroughOneBinding() {
        String path = H5Library.ensureLoaded();
        assertThat(path).contains("hdf5-1.14.3-1.5.10").contains("libhdf5");
        assertThat(H5Library.ensureLoaded()).isSameAs(path);
        assertThat(H5Library.version()).isEqualTo("1.14.3");
        // the HDF Group's JNI wrapper is a second binding of the same library: it must stay unloaded
        assertThat(Loader.getLoadedLibraries().keySet()).noneMatch(name -> name.startsWith("hdf5_java"))
                .anyMatch(name -> name.startsWith("jnihdf5"));
    }
}
