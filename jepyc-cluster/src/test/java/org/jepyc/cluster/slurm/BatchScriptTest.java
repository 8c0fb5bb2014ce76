package org.jepyc.cluster.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The worker jobs' batch script and the reading of squeue's lines. */
class BatchScriptTest {
    private static WorkerJobSpec spec(String workerHost, int signal) {
        return new WorkerJobSpec("jepyc-default", Path.of("/home/u/.jepyc/profile_default/logs"),
                Path.of("/home/u/.jepyc/profile_default/jepyc-cluster.json"), "/opt/jdk 17/bin/java",
                List.of("-Xmx1g"), "/opt/jepyc/lib/*", List.of("org.jepyc.cli.Main", "worker"),
                List.of("--threads", "2", "--classpath", "/scratch/u/exp.jar"), workerHost, "2:00:00", "short", "proj1",
                "4G", 2, List.of("--qos=low", "--exclusive"), signal, List.of("module load java/17"));
    }

    @Test
    void theScriptCarriesEveryOptionAndRunsOneLiteWorkerThatGetsTheSignals() {
        String s = BatchScript.render(spec(null, 90));
        assertThat(s).startsWith("#!/bin/bash\n")
                .contains("#SBATCH --job-name=jepyc-default\n", "#SBATCH --time=2:00:00\n", "#SBATCH --partition=short\n",
                        "#SBATCH --account=proj1\n", "#SBATCH --mem=4G\n", "#SBATCH --cpus-per-task=2\n",
                        "#SBATCH --signal=B:USR1@90\n", "#SBATCH --qos=low\n", "#SBATCH --exclusive\n",
                        "#SBATCH --output=/home/u/.jepyc/profile_default/logs/worker-%A_%a.log\n",
                        "module load java/17\n", "java='/opt/jdk 17/bin/java'\n",
                        "-cp '/opt/jepyc/lib/*' org.jepyc.cli.Main worker --connect \"$connect\" --host \"$host\" --lite "
                                + "--end-time \"$end\" --end-margin 90 --threads 2 --classpath /scratch/u/exp.jar &\n",
                        "trap 'told=1; kill -TERM $worker 2>/dev/null' USR1 TERM\n", "hostname -I");
        // the prologue runs before the worker starts
        assertThat(s.indexOf("module load")).isLessThan(s.indexOf("--lite"));
        // every #SBATCH line comes before the first command, or sbatch ignores it
        int lastDirective = s.lastIndexOf("#SBATCH");
        assertThat(s.substring(0, lastDirective).lines().filter(l -> !l.isBlank() && !l.startsWith("#"))).isEmpty();
    }

    @Test
    void aFixedWorkerHostAndNoSignal() {
        String s = BatchScript.render(spec("127.0.0.1", 0));
        assertThat(s).contains("host=127.0.0.1\n").doesNotContain("--signal").doesNotContain("hostname -I");
    }

    @Test
    void badSpecsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> new WorkerJobSpec("a b", Path.of("l"), Path.of("c"), "java", List.of(), "cp", List.of(),
                List.of(), null, null, null, null, null, 0, List.of(), 0, List.of())).hasMessageContaining("a b");
        assertThatThrownBy(() -> new WorkerJobSpec("x", Path.of("l"), Path.of("c"), "java", List.of(), "cp", List.of(),
                List.of(), null, null, null, null, null, 0, List.of(), 70000, List.of())).hasMessageContaining("70000");
    }

    @Test
    void squeueLinesAndArrayRanges() {
        SlurmJob pending = SlurmJob.parse("12_[0-3,5,7-8%2]|PENDING|Resources");
        assertThat(pending.tasks()).isEqualTo(7);
        assertThat(pending.pending()).isTrue();
        assertThat(pending.active()).isTrue();
        SlurmJob ended = SlurmJob.parse("12_4|TIMEOUT|None");
        assertThat(ended.tasks()).isEqualTo(1);
        assertThat(ended.active()).isFalse();
        assertThat(SlurmJob.parse("13|RUNNING|None").pending()).isFalse();
        assertThatThrownBy(() -> SlurmJob.parse("garbage")).hasMessageContaining("garbage");
    }

    @Test
    void quotingForBash() {
        assertThat(BatchScript.quote("/a/b.jar")).isEqualTo("/a/b.jar");
        assertThat(BatchScript.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(BatchScript.quote("a*")).isEqualTo("'a*'");
    }
}
