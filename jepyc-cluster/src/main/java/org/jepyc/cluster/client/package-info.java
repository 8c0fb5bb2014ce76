/** The client side of the job service: submitting batches and fetching their results. Internal. */
package org.jepyc.cluster.client;
