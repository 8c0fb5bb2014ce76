/**
 * Worked examples of the user API: an SIR epidemic on a random network
 * ({@link org.jepyc.examples.SirEpidemic}) and a sweep over its parameters
 * ({@link org.jepyc.examples.EpidemicSweep}), as {@code jepyc demo} runs them.
 */
package org.jepyc.examples;
