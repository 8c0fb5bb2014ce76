/**
 * Running experiments on a Hazelcast cluster: {@link org.jepyc.cluster.ClusterLab}, epyc's
 * ClusterLab, is the user API, with its {@link org.jepyc.cluster.ClusterOptions}. The packages
 * below it start, reach and serve the cluster and are not exported to users.
 */
package org.jepyc.cluster;
