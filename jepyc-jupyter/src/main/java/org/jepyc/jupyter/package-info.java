/**
 * jepyc in Jupyter: the kernel spec that starts a Java kernel with jepyc on its class path
 * ({@link org.jepyc.jupyter.KernelSpec}), and what notebooks show — data frames and result sets as
 * HTML tables ({@link org.jepyc.jupyter.HtmlTable}), a run's progress updated in place
 * ({@link org.jepyc.jupyter.JupyterProgress}), a lab's state ({@link org.jepyc.jupyter.LabStatus}),
 * a notebook's result sets ({@link org.jepyc.jupyter.NotebookSummary}).
 */
package org.jepyc.jupyter;
