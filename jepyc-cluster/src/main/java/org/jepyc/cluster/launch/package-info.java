/**
 * Starting a local cluster: worker processes on this machine, their logs, and waiting until they
 * have joined. Used by {@code jepyc cluster start}, the SLURM head and the benchmarks. Internal.
 */
package org.jepyc.cluster.launch;
