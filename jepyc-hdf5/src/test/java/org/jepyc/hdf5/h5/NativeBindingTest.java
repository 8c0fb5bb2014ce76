package org.jepyc.hdf5.h5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bytedeco.hdf5.global.hdf5;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one binding of libhdf5: a failed call becomes an {@link H5FileException} naming the file,
 * the operation, the call and HDF5's own reason; no failure leaves an identifier open; HDF5
 * prints nothing; and names travel as UTF-8 whatever the platform's default charset.
 */
class NativeBindingTest {

    @TempDir
    Path tmp;

    private static final int[] KINDS = {hdf5.H5F_OBJ_FILE, hdf5.H5F_OBJ_DATASET, hdf5.H5F_OBJ_GROUP,
        hdf5.H5F_OBJ_ATTR, hdf5.H5F_OBJ_DATATYPE};

    /** Identifiers open in the whole library: files, datasets, groups, attributes, datatypes. */
    private static long[] openIdentifiers() {
        H5Library.ensureLoaded();
        long[] n = new long[KINDS.length];
        synchronized (H5Library.LOCK) {
            for (int k = 0; k < KINDS.length; k++) {
                n[k] = hdf5.H5Fget_obj_count(hdf5.H5F_OBJ_ALL, KINDS[k]);
            }
        }
        return n;
    }

    @Test
    void failuresNameTheCallAndHdf5sReasonAndLeaveNoIdentifierOpen() {
        long[] before = openIdentifiers();
        Path p = tmp.resolve("owned.h5");
        List<Field> fields = List.of(new Field("s", FieldType.STRING), new Field("v", FieldType.vlen(FieldType.INT64)));
        try (H5File f = H5File.create(p)) {
            Groups.create(f, "/g");
            try (CompoundTable t = CompoundTable.create(f, "/g/t", fields, 0, 4)) {
                t.write(Map.of("s", new ColumnData.Strings(new String[] {"a", "b"}),
                        "v", new ColumnData.Lists(new List<?>[] {List.of(1L), List.of(2L, 3L)})), 0, 2);
                t.attributes().writeLong("n", 1);

                assertThatThrownBy(() -> CompoundTable.create(f, "/g/t", fields, 0, 4))
                        .isInstanceOf(H5FileException.class)
                        .hasMessageContaining(p.toString()).hasMessageContaining("create dataset /g/t")
                        .hasMessageContaining("H5Dcreate2 failed").hasMessageContaining("already exists");
                assertThatThrownBy(() -> Groups.create(f, "/missing/child"))
                        .isInstanceOf(H5FileException.class).hasMessageContaining("H5Gcreate2 failed");
                assertThatThrownBy(() -> t.read(List.of("s", "v"), 0, 3))
                        .isInstanceOf(H5FileException.class).hasMessageContaining("only 2 rows");
                assertThatThrownBy(() -> t.attributes().readString("n"))
                        .isInstanceOf(H5FileException.class).hasMessageContaining("not a string attribute but H5T_INTEGER");
                assertThatThrownBy(() -> f.attributes("/g/absent").names())
                        .isInstanceOf(H5FileException.class).hasMessageContaining("H5Oopen failed");
                assertThat(t.read()).containsEntry("s", new ColumnData.Strings(new String[] {"a", "b"}));
            }
        }
        assertThat(openIdentifiers()).as("files, datasets, groups, attributes, datatypes open").isEqualTo(before);
    }

    @Test
    void hdf5PrintsNothingAndNamesTravelAsUtf8UnderAnAsciiDefaultCharset() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path err = tmp.resolve("child.err");
        Process child = new ProcessBuilder(javaBin, "-Dfile.encoding=US-ASCII", "-cp", System.getProperty("java.class.path"),
                NativeCallsChild.class.getName(), tmp.resolve("names.h5").toString())
                .redirectError(err.toFile()).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(err)).isZero();
        assertThat(out).isEqualTo("OK\n");
        assertThat(Files.readString(err)).isEmpty();
    }
}
