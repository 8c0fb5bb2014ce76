/**
 * The {@code jepyc} command line: one picocli command class per command ({@code show}, {@code copy},
 * {@code export}, {@code cluster start}, ...), started by {@link org.jepyc.cli.Main}. An
 * application, not API: it runs on the class path and its types are for the launcher only.
 */
package org.jepyc.cli;
