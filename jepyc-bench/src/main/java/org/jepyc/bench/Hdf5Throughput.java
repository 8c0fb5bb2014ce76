package org.jepyc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.dflib.DataFrame;
import org.jepyc.Lab;
import org.jepyc.OpenMode;
import org.jepyc.ResultsDict;
import org.jepyc.hdf5.Hdf5LabNotebook;

/**
 * End-to-end figures for HDF5 notebooks: a trivial experiment over 10,000 and 1,000,000 points
 * run by a Lab into a new notebook and committed (time and file size); re-opening the 1M-row
 * notebook to a data frame; and committing 100 new rows to the 1M-row notebook against an empty
 * one.
 *
 * <p>Run: {@code java -cp "jepyc-bench/target/classes:jepyc-bench/target/lib/*" org.jepyc.bench.Hdf5Throughput [dir]}
 */
public final class Hdf5Throughput {

    private Hdf5Throughput() { }

    /** @param args [directory for the files] (default: a temporary directory) */
    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("jepyc-hdf5-bench");
        Path small = dir.resolve("10k.h5");
        for (int round = 0; round < 5; round++) {
            long t = runInto(small, 10_000);
            System.out.printf("10,000 points into HDF5 and committed: %.3f s, file %.2f MB%n", t / 1e9, Files.size(small) / 1e6);
        }
        Path big = dir.resolve("1m.h5");
        long t = runInto(big, 1_000_000);
        System.out.printf("1,000,000 points into HDF5 and committed: %.3f s, file %.1f MB%n", t / 1e9, Files.size(big) / 1e6);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            DataFrame df;
            try (Hdf5LabNotebook nb = Hdf5LabNotebook.openReadOnly(big)) {
                df = nb.dataframe();
            }
            System.out.printf("re-open 1M-row notebook to a data frame (%,d rows): %.3f s%n", df.height(),
                    (System.nanoTime() - t0) / 1e9);
        }
        List<ResultsDict> hundred = hundred();
        Path empty = dir.resolve("empty.h5");
        new Hdf5LabNotebook(empty, OpenMode.OVERWRITE, null).close();
        for (Path p : List.of(empty, big, empty, big)) {
            try (Hdf5LabNotebook nb = new Hdf5LabNotebook(p)) {
                int before = nb.numberOfResults();
                long[] ns = new long[5];
                for (int k = 0; k < ns.length; k++) {
                    nb.addResults(hundred);
                    long t0 = System.nanoTime();
                    nb.commit();
                    ns[k] = System.nanoTime() - t0;
                }
                java.util.Arrays.sort(ns);
                System.out.printf("commit of 100 new rows to a notebook of %,d rows: median %.2f ms%n", before,
                        ns[ns.length / 2] / 1e6);
            }
        }
    }

    private static long runInto(Path file, int points) {
        int side = (int) Math.ceil(Math.sqrt(points));
        long t0 = System.nanoTime();
        try (Hdf5LabNotebook nb = new Hdf5LabNotebook(file, OpenMode.OVERWRITE, null)) {
            Lab lab = new Lab(nb);
            lab.put("a", LongStream.range(0, side)).put("b", LongStream.range(0, (points + side - 1) / side));
            lab.runExperiment(new TrivialExperiment());
            nb.commit();
            if (nb.numberOfResults() < points) {
                throw new IllegalStateException("lost results: " + nb.numberOfResults());
            }
        }
        return System.nanoTime() - t0;
    }

    private static List<ResultsDict> hundred() {
        List<ResultsDict> out = new ArrayList<>();
        TrivialExperiment e = new TrivialExperiment();
        for (long i = 0; i < 100; i++) {
            out.add(e.set(Map.of("a", i, "b", i + 1)).run());
        }
        return out;
    }
}
