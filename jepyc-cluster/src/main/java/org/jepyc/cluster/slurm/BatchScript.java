package org.jepyc.cluster.slurm;

import java.util.ArrayList;
import java.util.List;

/**
 * The batch script each worker job runs: SLURM's options as {@code #SBATCH} lines, the prologue,
 * then one worker in the background with the job's end time, SIGUSR1 (SLURM's warning) and
 * SIGTERM (cancel, pre-emption, time limit) passed on to it as SIGTERM, on which it hands back the
 * batches it is running and leaves. The script is the whole description of a worker job: the head
 * submits it again for replacements.
 */
public final class BatchScript {
    private BatchScript() { }

    /**
     * @param s the job's description
     * @return the script's text
     */
    public static String render(WorkerJobSpec s) {
        List<String> l = new ArrayList<>();
        l.add("#!/bin/bash");
        l.add("#SBATCH --job-name=" + s.jobName());
        l.add("#SBATCH --output=" + s.logDir().resolve("worker-%A_%a.log"));
        l.add("#SBATCH --ntasks=1");
        if (s.time() != null) {
            l.add("#SBATCH --time=" + s.time());
        }
        if (s.partition() != null) {
            l.add("#SBATCH --partition=" + s.partition());
        }
        if (s.account() != null) {
            l.add("#SBATCH --account=" + s.account());
        }
        if (s.mem() != null) {
            l.add("#SBATCH --mem=" + s.mem());
        }
        if (s.cpusPerTask() > 0) {
            l.add("#SBATCH --cpus-per-task=" + s.cpusPerTask());
        }
        if (s.signalSeconds() > 0) {
            l.add("#SBATCH --signal=B:USR1@" + s.signalSeconds());
        }
        for (String a : s.sbatchArgs()) {
            l.add("#SBATCH " + a);
        }
        l.add("# A jepyc worker, written by `jepyc cluster start --slurm`; the cluster's head submits it again");
        l.add("# to replace workers whose jobs ended. Submit by hand with: sbatch --array=0-N <this file>");
        l.add("set -u");
        l.addAll(s.prologue());
        l.add("connect=" + quote(s.connection().toString()));
        l.add("if [ ! -r \"$connect\" ]; then");
        l.add("  echo \"jepyc worker: cannot read the connection file $connect on $(hostname): it must be on a file"
                + " system the compute nodes share (or use a shared JEPYC_HOME)\" >&2");
        l.add("  exit 2");
        l.add("fi");
        l.add("java=" + quote(s.java()));
        l.add("if [ -n \"${JEPYC_JAVA:-}\" ]; then java=$JEPYC_JAVA; fi");
        // SLURM 23.02+ gives the end time in the environment; older ones through squeue
        l.add("end=${SLURM_JOB_END_TIME:-}");
        l.add("if [ -z \"$end\" ] && [ -n \"${SLURM_JOB_ID:-}\" ]; then");
        l.add("  t=$(squeue -h -j \"$SLURM_JOB_ID\" -o %e 2>/dev/null | head -n 1)");
        l.add("  end=$(date -d \"$t\" +%s 2>/dev/null || true)");
        l.add("fi");
        if (s.workerHost() != null) {
            l.add("host=" + quote(s.workerHost()));
        } else {
            l.add("host=$(hostname -I 2>/dev/null | awk '{print $1}')");
            l.add("if [ -z \"$host\" ]; then host=$(hostname -i | awk '{print $1}'); fi");
        }
        StringBuilder cmd = new StringBuilder("\"$java\"");
        for (String o : s.jvmOptions()) {
            cmd.append(' ').append(quote(o));
        }
        cmd.append(" -cp ").append(quote(s.classpath()));
        for (String c : s.workerCommand()) {
            cmd.append(' ').append(quote(c));
        }
        cmd.append(" --connect \"$connect\" --host \"$host\" --lite --end-time \"$end\" --end-margin ")
                .append(s.signalSeconds());
        for (String a : s.workerArgs()) {
            cmd.append(' ').append(quote(a));
        }
        cmd.append(" &");
        l.add(cmd.toString());
        l.add("worker=$!");
        l.add("told=0");
        l.add("trap 'told=1; kill -TERM $worker 2>/dev/null' USR1 TERM");
        // wait returns early when a trapped signal arrives: wait again until the worker has left
        l.add("while true; do");
        l.add("  wait $worker; rc=$?");
        l.add("  if ! kill -0 $worker 2>/dev/null; then break; fi");
        l.add("done");
        // a worker that handed its work back on request (exit 143: SIGTERM) did what it was told
        l.add("if [ \"$told\" = 1 ] && [ \"$rc\" = 143 ]; then exit 0; fi");
        l.add("exit $rc");
        return String.join("\n", l) + "\n";
    }

    /** @param s a word @return it quoted for bash (single quotes) */
    static String quote(String s) {
        if (s.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
