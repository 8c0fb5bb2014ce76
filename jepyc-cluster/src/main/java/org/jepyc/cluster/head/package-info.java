/**
 * The head: a cluster member that holds the cluster's state (queue, task table, results) and runs
 * no tasks, so that workers in batch jobs may come and go, or all end, without losing anything.
 */
package org.jepyc.cluster.head;
