/**
 * Engine: the statistics of {@code SummaryExperiment} — epyc's mean, median, variance, minimum and
 * maximum, plus standard deviation and a Student's t confidence interval
 * ({@link org.jepyc.summary.Summary}, {@link org.jepyc.summary.StudentT}). Internal to the core.
 */
package org.jepyc.summary;
