/**
 * jepyc's user API, the whole of it in one package as epyc's is: experiments
 * ({@link org.jepyc.Experiment}, {@link org.jepyc.RepeatedExperiment},
 * {@link org.jepyc.SummaryExperiment}), designs ({@link org.jepyc.Design} and its
 * implementations), labs ({@link org.jepyc.Lab}, {@link org.jepyc.ParallelLab}), notebooks and
 * result sets ({@link org.jepyc.LabNotebook}, {@link org.jepyc.ResultSet}), the values they give
 * back ({@link org.jepyc.ResultsDict}, {@link org.jepyc.Complex}), progress reporting and the
 * exceptions.
 *
 * <p>Everything else in the core is engine, in sub-packages this one uses and that never use it:
 * the lab's focused helpers here are package-private ({@code ParameterSpace}, {@code RunLoop},
 * {@code RunProvenance}, {@code Campaign}), and the module exports no other package to users.
 * The engine reports failures with its own exceptions and fills empty complex cells with its own
 * zero; {@code EngineBoundary} turns both into the types users see.
 */
package org.jepyc;
