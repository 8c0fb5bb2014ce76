/**
 * The jepyc dashboard: a local web page of notebooks and a running cluster. {@link
 * org.jepyc.dashboard.Dashboard} is the only public type; the rest reads notebooks read-only
 * when their files change ({@code NotebookWatch}), keeps what the page shows in memory
 * ({@code SetView}, {@code TableRows}, {@code Plots}) and answers the page's requests
 * ({@code Api}, {@code PageFiles}) behind a token ({@code TokenCheck}).
 */
package org.jepyc.dashboard;
