/**
 * Engine: the number sequences behind the sampling designs of {@code org.jepyc}, such as
 * {@link org.jepyc.design.SobolSequence}. Internal to the core.
 */
package org.jepyc.design;
