/**
 * The cluster's task protocol: signed task and result envelopes, the allow-listed
 * deserialisation used for their payloads, the names of the shared structures and the
 * Hazelcast configuration both sides use. Internal: not part of jepyc's API.
 */
package org.jepyc.cluster.protocol;
