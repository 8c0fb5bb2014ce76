/**
 * The worker process: a Hazelcast member that takes batches from the queue, checks their
 * signature, deserialises them through the allow-list, runs them and stores signed results;
 * and re-queues the batches of members that died. Internal.
 */
package org.jepyc.cluster.worker;
