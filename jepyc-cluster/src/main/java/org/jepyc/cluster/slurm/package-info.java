/**
 * Workers as SLURM batch jobs: the batch script, submission as job arrays, the jobs' states, the
 * head process that outlives them and submits replacements.
 */
package org.jepyc.cluster.slurm;
