package org.jepyc.bench;

import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.dflib.DataFrame;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.ParallelLab;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: a lab's cost per point, a trivial experiment over 100,000 points into an in-memory
 * notebook followed by {@code dataframe()} (epyc 1.7.2: 1,235 us per point here), for the
 * sequential lab and for a parallel lab on every core.
 *
 * <p>Run: {@code java -cp "jepyc-bench/target/classes:jepyc-bench/target/lib/*" org.openjdk.jmh.Main LabBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class LabBenchmark {
    private static final int POINTS = 100_000;

    /** @return the data frame, so the work cannot be optimised away */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public DataFrame trivialPointsIntoMemory() {
        Lab lab = new Lab(new LabNotebook());
        lab.put("a", LongStream.range(0, 400)).put("b", LongStream.range(0, POINTS / 400));
        lab.runExperiment(new TrivialExperiment());
        return lab.dataframe();
    }

    /** @return the data frame, so the work cannot be optimised away */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public DataFrame trivialPointsInParallel() {
        Lab lab = new ParallelLab(new LabNotebook(), 0);
        lab.put("a", LongStream.range(0, 400)).put("b", LongStream.range(0, POINTS / 400));
        lab.runExperiment(new TrivialExperiment());
        return lab.dataframe();
    }
}
