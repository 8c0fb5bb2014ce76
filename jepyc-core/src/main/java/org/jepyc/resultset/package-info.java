/**
 * Engine: a result set's contents as typed columns. The value rules ({@link org.jepyc.resultset.Values}:
 * what a JVM value becomes in a notebook; {@link org.jepyc.resultset.ValueType}: epyc's column
 * types), the columns themselves, the result and pending tables, and the text forms Python gives
 * floats and values. Used by {@code org.jepyc.ResultSet} and by the notebook formats (exported to
 * them only); not user API.
 */
package org.jepyc.resultset;
