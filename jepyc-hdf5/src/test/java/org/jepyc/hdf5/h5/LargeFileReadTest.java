package org.jepyc.hdf5.h5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jepyc.Complex;
import org.jepyc.Experiment;
import org.jepyc.hdf5.Hdf5LabNotebook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file too large for memory is read from a private temporary copy: forced here on a small
 * notebook by an in-memory limit of 0, it reads exactly as the in-memory path reads it, its
 * errors name the file opened, and the copy is gone once the file is closed or failed to open.
 */
class LargeFileReadTest {

    @TempDir
    static Path dir;

    private static Path notebook;

    /** A heap cache far smaller than the notebook's collections, so that they are dropped and read again. */
    private static final long SMALL_CACHE = 1024;

    @TempDir
    Path temp;

    /** A notebook of several sets with every column type epyc stores, many rows, and pending jobs. */
    @BeforeAll
    static void write() {
        notebook = dir.resolve("nb.h5");
        try (Hdf5LabNotebook nb = new Hdf5LabNotebook(notebook, true, "a notebook read from a copy")) {
            add(nb, "first", 12_000);
            add(nb, "second", 3_000);
            nb.addPendingResult(Map.of("k", 1L, "tag", "p"), "job-1");
            nb.addPendingResult(Map.of("k", 2L, "tag", "q"), "job-2");
            add(nb, "third", 7);
            nb.addPendingResult(Map.of("k", 3L, "tag", "r"), "job-3");
        }
    }

    private static void add(Hdf5LabNotebook nb, String tag, int rows) {
        nb.addResultSet(tag, "the set " + tag);
        nb.current().setAttribute("rows", rows);
        Experiment e = Experiment.of(p -> {
            long k = (Long) p.get("k");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("label", label(k));
            r.put("when", LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(k));
            r.put("z", new Complex(k, -k / 2.0));
            r.put("ints", List.of(k, k + 1, k + 2));
            r.put("reals", k % 5 == 1 ? List.of() : List.of(k / 3.0));
            r.put("n", k * k);
            r.put("f", k / 7.0);
            r.put("b", k % 2 == 0);
            return r;
        });
        for (long k = 0; k < rows; k++) {
            nb.addResult(e.set(Map.of("k", k, "tag", tag)).run());
        }
        nb.commit();
    }

    /**
     * Text of many lengths, each repeated with an empty cell (a nil reference) inside the run:
     * {@code X, "", X, X}, which a reader sharing text between rows must not confuse.
     */
    private static String label(long k) {
        long run = k / 4;
        return k % 4 == 1 ? "" : "row " + run + " é " + "x".repeat((int) (run % 200));
    }

    @Test
    void aCopiedFileReadsExactlyAsOneInMemoryAndItsCopyGoesOnClose() throws IOException {
        Map<String, Object> inMemory;
        try (ReadOnlyFile f = ReadOnlyFile.open(notebook)) {
            inMemory = dump(f);
        }
        Map<String, Object> copied;
        try (ReadOnlyFile f = ReadOnlyFile.open(notebook, 0, temp, SMALL_CACHE)) {
            assertThat(copies()).as("the private copy while open").hasSize(1);
            copied = dump(f);
        }
        assertThat(copies()).as("copies left after close").isEmpty();
        assertThat(inMemory).containsKeys("/first/results", "/second/pending", "/third/results");
        assertThat(heapCollections()).as("global heap collections in the file").isGreaterThan(3);
        assertThat(copied).isEqualTo(inMemory);
        // and as written, not only as the other path reads it
        List<String> written = LongStream.range(0, 12_000).mapToObj(LargeFileReadTest::label).toList();
        assertThat(((Map<?, ?>) ((List<?>) copied.get("/first/results")).get(1)).get("label")).isEqualTo(written);
    }

    @Test
    void aFileThatIsNotHdf5FailsNamingItselfAndLeavesNoCopy() throws IOException {
        Path bad = temp.resolve("bad.h5");
        byte[] b = Files.readAllBytes(notebook);
        Arrays.fill(b, 0, 1024, (byte) 0x55);
        Path copies = Files.createDirectory(temp.resolve("copies"));
        Files.write(bad, b);
        String inMemory = catchThrowableOfType(() -> ReadOnlyFile.open(bad), H5FileException.class).getMessage();
        assertThatThrownBy(() -> ReadOnlyFile.open(bad, 0, copies, SMALL_CACHE)).isInstanceOf(H5FileException.class)
                .hasMessage(inMemory)
                .hasMessageStartingWith(bad.toAbsolutePath().toString())
                .hasMessageNotContaining(Snapshot.COPY_PREFIX);
        try (Stream<Path> s = Files.list(copies)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void damagedFilesFailNamingThemselvesAndReadAsInMemoryWhenTheyRead() throws IOException {
        byte[] good = Files.readAllBytes(notebook);
        Random random = new Random(7);
        Path bad = dir.resolve("damaged.h5");
        for (int round = 0; round < 24; round++) {
            byte[] b = good.clone();
            if (round % 4 == 0) {
                b = Arrays.copyOf(b, random.nextInt(b.length));   // truncated
            } else {
                for (int k = 0; k < 8; k++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            Files.write(bad, b);
            Object inMemory = outcome(() -> ReadOnlyFile.open(bad));
            Object copied = outcome(() -> ReadOnlyFile.open(bad, 0, temp, SMALL_CACHE));
            assertThat(copies()).as("round %d: copies left", round).isEmpty();
            // both paths read the same bytes: they fail alike, each with the layer's exception naming
            // the file, or read the same
            assertThat(copied).as("round %d", round).isInstanceOfAny(Map.class, H5FileException.class);
            assertThat(inMemory).as("round %d", round).isInstanceOfAny(Map.class, H5FileException.class);
            if (copied instanceof H5FileException e) {
                assertThat(inMemory).as("round %d: in memory", round).isInstanceOf(H5FileException.class);
                assertThat(e.getMessage()).as("round %d", round).startsWith(bad.toString())
                        .doesNotContain(Snapshot.COPY_PREFIX).doesNotContain(temp.toString());
            } else {
                assertThat(copied).as("round %d", round).isEqualTo(inMemory);
            }
        }
    }

    @Test
    void noTemporaryDirectoryIsAClearErrorNamingItAndWhatToDo() {
        Path missing = temp.resolve("no-such-directory");
        assertThatThrownBy(() -> ReadOnlyFile.open(notebook, 0, missing, GlobalHeaps.CACHED_BYTES))
                .isInstanceOf(SnapshotSpaceException.class)
                .hasMessageStartingWith(notebook.toAbsolutePath().toString())
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("java.io.tmpdir");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aFileAtTheLimitIsStillReadInMemory() throws IOException {
        try (ReadOnlyFile f = ReadOnlyFile.open(notebook, Files.size(notebook), temp, GlobalHeaps.CACHED_BYTES)) {
            assertThat(copies()).isEmpty();
            assertThat(f.links("/")).contains("first");
        }
    }

    @Test
    void aSnapshotOfALargeFileIsAByteForByteCopy() throws IOException {
        try (Snapshot s = Snapshot.take(notebook.toAbsolutePath(), 0, temp)) {
            assertThat(s.inMemory()).isFalse();
            assertThat(s.copy().getFileName().toString()).startsWith(Snapshot.COPY_PREFIX);
            assertThat(Files.mismatch(s.copy(), notebook)).isEqualTo(-1L);
            if (s.copy().getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s.copy())))
                        .as("who may read the copy").isEqualTo("rw-------");
            }
        }
        assertThat(copies()).isEmpty();
    }

    /** The whole file read through the layer: value or error of everything, keyed by path. */
    private static Map<String, Object> dump(ReadOnlyFile f) {
        Map<String, Object> out = new LinkedHashMap<>();
        walk(f, "/", out);
        return out;
    }

    private static void walk(ReadOnlyFile f, String path, Map<String, Object> out) {
        out.put(path, f.links(path));
        for (String a : f.attributeNames(path)) {
            out.put(path + "@" + a, attribute(f, path, a));
        }
        for (String link : f.links(path)) {
            String child = path.equals("/") ? "/" + link : path + "/" + link;
            if (f.isGroup(child)) {
                walk(f, child, out);
            } else if (f.isDataset(child)) {
                ReadOnlyFile.Table t = f.table(child);
                out.put(child, List.of(t.fields(), columns(t.read(0, t.size()))));
                out.put(child + "[part]", columns(t.read(t.size() / 3, t.size() / 2)));
                for (String a : f.attributeNames(child)) {
                    out.put(child + "@" + a, attribute(f, child, a));
                }
            }
        }
    }

    private static Object attribute(ReadOnlyFile f, String path, String name) {
        try {
            return f.attributeAsString(path, name);
        } catch (H5FileException e) {
            return f.attributeStrings(path, name);
        }
    }

    private static Map<String, Object> columns(Map<String, ColumnData> data) {
        Map<String, Object> out = new LinkedHashMap<>();
        data.forEach((name, c) -> out.put(name, values(c)));
        return out;
    }

    private static Object values(ColumnData c) {
        if (c instanceof ColumnData.Longs l) {
            return Arrays.stream(l.values()).boxed().toList();
        }
        if (c instanceof ColumnData.Doubles d) {
            return Arrays.stream(d.values()).boxed().toList();
        }
        if (c instanceof ColumnData.Booleans b) {
            List<Boolean> v = new ArrayList<>();
            for (boolean x : b.values()) {
                v.add(x);
            }
            return v;
        }
        if (c instanceof ColumnData.Strings s) {
            return List.of(s.values());
        }
        if (c instanceof ColumnData.Complexes z) {
            return List.of(Arrays.stream(z.re()).boxed().toList(), Arrays.stream(z.im()).boxed().toList());
        }
        return Arrays.asList(((ColumnData.Lists) c).values());
    }

    /** The file's dump, or the exception opening or reading it threw; the file is closed either way. */
    private static Object outcome(java.util.function.Supplier<ReadOnlyFile> open) {
        try (ReadOnlyFile f = open.get()) {
            return dump(f);
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** How many times the signature of a global heap collection occurs in the notebook. */
    private static int heapCollections() throws IOException {
        byte[] b = Files.readAllBytes(notebook);
        byte[] gcol = {'G', 'C', 'O', 'L'};
        int n = 0;
        for (int i = 0; i + 4 <= b.length; i++) {
            if (Arrays.equals(b, i, i + 4, gcol, 0, 4)) {
                n++;
            }
        }
        return n;
    }

    private List<Path> copies() throws IOException {
        try (Stream<Path> s = Files.list(temp)) {
            return s.filter(p -> p.getFileName().toString().startsWith(Snapshot.COPY_PREFIX)).toList();
        }
    }
}
