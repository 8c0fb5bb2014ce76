package org.jepyc;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A function that can be serialised, so a lambda experiment can be copied to worker threads
 * and cluster members.
 *
 * @param <T> argument type
 * @param <R> result type
 */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Function<T, R>, Serializable {
}
