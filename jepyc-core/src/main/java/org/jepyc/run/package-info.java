/**
 * Engine: how a lab runs points. {@link org.jepyc.run.ParallelRunner} runs them on threads,
 * each with its own copy of the experiment ({@link org.jepyc.run.ExperimentCopier}, by
 * serialisation through the loaders the classes came from); {@link org.jepyc.run.PeriodicCommitter}
 * commits a persistent notebook during a long run. Generic over the experiment, so it needs
 * nothing of {@code org.jepyc}; exported to the cluster only.
 */
package org.jepyc.run;
