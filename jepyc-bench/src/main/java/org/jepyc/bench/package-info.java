/**
 * Benchmarks: JMH benchmarks and end-to-end throughput programs for labs, campaigns, HDF5
 * notebooks and the cluster, each printing its figures. Not shipped; run from the command line.
 */
package org.jepyc.bench;
