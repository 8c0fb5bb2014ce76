package org.jepyc.cluster.slurm;

import java.nio.file.Path;
import java.util.List;

/**
 * What each worker job asks of SLURM and how it starts its worker.
 *
 * @param jobName       the jobs' name (unique to the cluster, so they are easy to find in squeue)
 * @param logDir        where each job's output goes ({@code worker-<array job>_<task>.log})
 * @param connection    the connection file, on a path the compute nodes can read
 * @param java          the java executable on the compute nodes
 * @param jvmOptions    options of the worker JVMs
 * @param classpath     jepyc's classpath on the compute nodes
 * @param workerCommand the main class and arguments that run a worker ({@code org.jepyc.cli.Main worker})
 * @param workerArgs    further worker arguments ({@code --threads}, {@code --classpath}, {@code --allow})
 * @param workerHost    the interface workers bind, or null for the node's first address
 * @param time          {@code --time} (null: the partition's default)
 * @param partition     {@code --partition}, or null
 * @param account       {@code --account}, or null
 * @param mem           {@code --mem}, or null
 * @param cpusPerTask   {@code --cpus-per-task}, or 0 for SLURM's default
 * @param sbatchArgs    further {@code sbatch} options, each one argument ({@code --qos=low})
 * @param signalSeconds seconds before the job's end at which SLURM sends the batch shell SIGUSR1,
 *                      on which the worker hands its batches back and leaves; also the time each
 *                      worker keeps free at the end of its job
 * @param prologue      shell lines run before the worker ({@code module load java/17})
 */
public record WorkerJobSpec(String jobName, Path logDir, Path connection, String java, List<String> jvmOptions,
                            String classpath, List<String> workerCommand, List<String> workerArgs, String workerHost,
                            String time, String partition, String account, String mem, int cpusPerTask,
                            List<String> sbatchArgs, int signalSeconds, List<String> prologue) {
    /** Validates. */
    public WorkerJobSpec {
        if (!jobName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("A SLURM job name here may hold letters, digits, '.', '_' and '-' only: " + jobName);
        }
        if (signalSeconds < 0 || signalSeconds > 65535) {
            throw new IllegalArgumentException("--signal-seconds must lie between 0 and 65535, got " + signalSeconds);
        }
        if (cpusPerTask < 0) {
            throw new IllegalArgumentException("--cpus-per-task cannot be negative, got " + cpusPerTask);
        }
        jvmOptions = List.copyOf(jvmOptions);
        workerCommand = List.copyOf(workerCommand);
        workerArgs = List.copyOf(workerArgs);
        sbatchArgs = List.copyOf(sbatchArgs);
        prologue = List.copyOf(prologue);
    }
}
