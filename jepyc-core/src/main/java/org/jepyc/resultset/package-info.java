/**
 * Engine: a result set's contents as typed columns. The value rules ({@link org.jepyc.resultset.Values}:
 * what a JVM value becomes in a notebook; {@link org.jepyc.resultset.ValueType}: epyc's column
 * types), the columns themselves, the result and pending tables, and the text forms Python gives
 * floats and values. Used by {@code org.jepyc.ResultSet} and by the notebook formats (exported to
 * them only); not user API.
 *
 * <p>It never imports {@code org.jepyc}: rows come in as {@link org.jepyc.resultset.ResultRow}s
 * (the API's results dict is one) and go out through a
 * {@link org.jepyc.resultset.ResultTable.RowMaker}; complex numbers are seen through
 * {@link org.jepyc.resultset.ComplexValue}, whose {@code ZERO} fills empty complex cells; refusals
 * are {@link org.jepyc.resultset.UnstorableValueException} and
 * {@link org.jepyc.resultset.MalformedRowException}. The API turns each into its own type.
 */
package org.jepyc.resultset;
