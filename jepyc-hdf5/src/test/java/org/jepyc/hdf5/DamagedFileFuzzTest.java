package org.jepyc.hdf5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jepyc.Complex;
import org.jepyc.Experiment;
import org.jepyc.LabNotebook;
import org.jepyc.fixtures.EpycFixtures;
import org.jepyc.json.JsonLabNotebook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged notebooks never crash or hang the JVM: a fixed-seed set of variants of a jepyc HDF5
 * notebook, a jepyc JSON notebook and epyc's own files (truncated, bytes flipped, blocks
 * zeroed) is opened read-write and read-only by child JVMs ({@link FuzzChild}). Every opening
 * must load or throw a {@code NotebookException} naming the file, within {@link #HANG_SECONDS};
 * no file may change. A child that crashes or hangs is pinned on the variant it announced and
 * replaced by a new one that goes on with the next variant.
 */
@Tag("system")
class DamagedFileFuzzTest {

    static final long SEED = 20261202L;
    static final int VARIANTS_PER_SOURCE = 60;
    static final int HANG_SECONDS = 10;

    @TempDir
    Path tmp;

    @Test
    void everyDamagedVariantLoadsOrFailsCleanlyAndStaysAsItWas() throws Exception {
        Map<Path, byte[]> sources = new LinkedHashMap<>();
        sources.put(tmp.resolve("jepyc.h5"), sample(tmp.resolve("jepyc.h5")));
        sources.put(tmp.resolve("jepyc.json"), sample(tmp.resolve("jepyc.json")));
        for (String name : List.of(EpycFixtures.TYPED_H5, EpycFixtures.UPSTREAM_H5, EpycFixtures.TYPED_JSON)) {
            sources.put(tmp.resolve("epyc-" + name), EpycFixtures.bytes(name));
        }
        Random rnd = new Random(SEED);
        Path dir = Files.createDirectories(tmp.resolve("variants"));
        List<String> lines = new ArrayList<>();
        Map<Integer, Path> files = new LinkedHashMap<>();
        Map<Integer, byte[]> contents = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<Path, byte[]> source : sources.entrySet()) {
            String base = source.getKey().getFileName().toString();
            String ext = base.substring(base.lastIndexOf('.'));
            for (int k = 0; k < VARIANTS_PER_SOURCE; k++) {
                byte[] damaged = damage(source.getValue(), rnd, k % 3);
                for (String mode : List.of("rw", "ro")) {
                    Path p = dir.resolve(base.replace(ext, "") + "-" + k + "-" + mode + ext);
                    Files.write(p, damaged);
                    files.put(n, p);
                    contents.put(n, damaged);
                    lines.add(n + "\t" + p + "\t" + mode);
                    n++;
                }
            }
        }
        Path list = Files.write(tmp.resolve("variants.txt"), lines);

        Map<Integer, String> outcome = run(list, n);

        List<String> crashes = new ArrayList<>();
        List<String> hangs = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int loaded = 0;
        int refused = 0;
        for (int i = 0; i < n; i++) {
            String o = outcome.getOrDefault(i, "MISSING");
            Path p = files.get(i);
            if (o.startsWith("CRASH")) {
                crashes.add(p + ": " + o);
            } else if (o.startsWith("HANG")) {
                hangs.add(p + ": " + o);
            } else if (o.startsWith("OTHER") || o.equals("MISSING")) {
                others.add(p + ": " + o);
            } else if (o.startsWith("NOTEBOOK")) {
                refused++;
                if (!o.contains(p.getFileName().toString())) {
                    unnamed.add(p + ": " + o);
                }
            } else {
                loaded++;
            }
            if (!Arrays.equals(Files.readAllBytes(p), contents.get(i))) {
                changed.add(p.toString());
            }
        }
        System.out.printf("fuzz: %d openings of %d sources, seed %d: %d loaded, %d refused with NotebookException, "
                + "%d crashes, %d hangs, %d other exceptions, %d files changed%n", n, sources.size(), SEED, loaded,
                refused, crashes.size(), hangs.size(), others.size(), changed.size());
        assertThat(crashes).as("JVM crashes").isEmpty();
        assertThat(hangs).as("hangs over %d s", HANG_SECONDS).isEmpty();
        assertThat(others).as("exceptions other than NotebookException").isEmpty();
        assertThat(unnamed).as("NotebookExceptions not naming the file").isEmpty();
        assertThat(changed).as("files changed").isEmpty();
        assertThat(n).isGreaterThanOrEqualTo(200);
    }

    /** Runs children until every variant has an outcome; a crash or hang ends its variant and a new child goes on. */
    private Map<Integer, String> run(Path list, int count) throws Exception {
        Map<Integer, String> outcome = new LinkedHashMap<>();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int next = 0;
        int children = 0;
        while (next < count) {
            children++;
            Path err = tmp.resolve("child-" + children + ".err");
            Process child = new ProcessBuilder(javaBin, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-XX:ErrorFile=" + tmp.resolve("hs_err_%p.log"),
                    "-cp", System.getProperty("java.class.path"),
                    FuzzChild.class.getName(), list.toString(), Integer.toString(next))
                    .redirectError(err.toFile()).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the child died: its last BEGIN tells which variant
                }
                lines.add("EOF");
            });
            reader.setDaemon(true);
            reader.start();
            Integer current = null;
            while (true) {
                // a variant gets HANG_SECONDS; JVM start-up before the first gets longer
                String line = lines.poll(current == null ? 60 : HANG_SECONDS, TimeUnit.SECONDS);
                if (line == null) {
                    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    if (current == null) {
                        throw new AssertionError("child JVM did not start: " + Files.readString(err));
                    }
                    outcome.put(current, "HANG");
                    next = current + 1;
                    break;
                }
                if (line.startsWith("BEGIN ")) {
                    current = Integer.parseInt(line.substring(6));
                } else if (line.equals("DONE")) {
                    child.waitFor(30, TimeUnit.SECONDS);
                    next = count;
                    break;
                } else if (line.equals("EOF")) {
                    int code = child.waitFor(10, TimeUnit.SECONDS) ? child.exitValue() : -1;
                    if (current == null) {
                        throw new AssertionError("child JVM exited " + code + " before any variant: " + Files.readString(err));
                    }
                    outcome.put(current, "CRASH exit " + code);
                    next = current + 1;
                    break;
                } else {
                    String[] f = line.split(" ", 3);
                    outcome.put(Integer.parseInt(f[1]), f[0] + (f.length > 2 ? " " + f[2] : ""));
                }
            }
        }
        return outcome;
    }

    /** Truncates (kind 0), flips bytes (1) or zeroes a block (2) of a copy. */
    static byte[] damage(byte[] original, Random rnd, int kind) {
        byte[] b = original.clone();
        switch (kind) {
            case 0:
                return Arrays.copyOf(b, 1 + rnd.nextInt(b.length - 1));
            case 1: {
                int flips = 1 + rnd.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
                }
                return b;
            }
            default: {
                int len = 1 + rnd.nextInt(Math.min(4096, b.length));
                int at = rnd.nextInt(b.length - len + 1);
                Arrays.fill(b, at, at + len, (byte) 0);
                return b;
            }
        }
    }

    /** A notebook of every value type, two sets, a pending job; returns its bytes. */
    static byte[] sample(Path file) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("int", 10L);
        values.put("float", 4.5);
        if (file.toString().endsWith(".h5")) {
            values.put("complex", new Complex(4.5, 2));   // epyc's JSON cannot hold complex numbers
        }
        values.put("str", "hello ünïcödé");
        values.put("bool", false);
        values.put("ints", List.of(10L, 20L, 30L));
        values.put("strs", List.of("hello", "there"));
        Experiment e = Experiment.of(p -> new LinkedHashMap<>(values));
        try (LabNotebook nb = file.toString().endsWith(".h5") ? new Hdf5LabNotebook(file) : new JsonLabNotebook(file)) {
            for (long a = 0; a < 20; a++) {
                nb.addResult(e.set(Map.of("a", a)).run());
            }
            nb.current().setAttribute("units", "metres");
            nb.addResultSet("second", "another set");
            nb.addResult(e.set(Map.of("a", 99L)).run());
            nb.addPendingResult(Map.of("a", 7L), "job-7");
        }
        return Files.readAllBytes(file);
    }
}
