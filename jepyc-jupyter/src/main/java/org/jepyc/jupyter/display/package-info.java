/**
 * The rapaio kernel's display service for jepyc: renderers from jepyc's values to the MIME data
 * a notebook shows. Internal: users see the effect, and use {@code org.jepyc.jupyter}'s types.
 */
package org.jepyc.jupyter.display;
