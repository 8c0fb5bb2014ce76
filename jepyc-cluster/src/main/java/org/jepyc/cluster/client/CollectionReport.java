package org.jepyc.cluster.client;

import java.util.List;

/**
 * What one collection pass found.
 *
 * @param collected jobs resolved into the notebook
 * @param lost      pending jobs the cluster no longer knows (neither queued, running nor finished)
 * @param crashed   jobs whose result could not be read
 * @param discard   batches whose results may be discarded from the cluster once the notebook is committed
 */
public record CollectionReport(int collected, List<String> lost, List<String> crashed, List<String> discard) { }
