/**
 * Running a cluster: connection files and profiles, starting, watching and stopping worker
 * processes. Used by the {@code jepyc cluster} commands and by tests. Internal.
 */
package org.jepyc.cluster.admin;
