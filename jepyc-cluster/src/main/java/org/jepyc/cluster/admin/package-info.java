/**
 * A cluster's profile: where its files live ({@link org.jepyc.cluster.admin.JepycHome}), the
 * connection file that says how to reach it and with which key
 * ({@link org.jepyc.cluster.admin.ConnectionFile}), files only their owner reads, and the error
 * when no cluster answers ({@link org.jepyc.cluster.admin.ClusterUnavailableException}). Every
 * other cluster package builds on it. Internal.
 */
package org.jepyc.cluster.admin;
