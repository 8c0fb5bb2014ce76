package org.jepyc.resultset;

import java.util.Map;

/**
 * One run's values as a {@link ResultTable} takes them: the point, how the run went and what it
 * computed. The API's results dict is one; the engine sees rows only through this interface so
 * that it need not import the API package.
 */
public interface ResultRow {

    /** @return the point in parameter space */
    Map<String, Object> parameters();

    /** @return the run's metadata, with a boolean {@link StandardMetadata#STATUS} */
    Map<String, Object> metadata();

    /** @return what the run computed; stored only for a successful row */
    Map<String, Object> results();
}
