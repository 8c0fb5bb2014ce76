package org.jepyc.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/** The literal names of epyc's version-2 JSON layout and the Jackson set-up both directions share. */
final class JsonFormat {
    static final String VERSION = "2";
    static final String CREATOR = "creator", VERSION_KEY = "version", DESCRIPTION = "description",
            CURRENT = "current", LOCKED = "locked", RESULTSETS = "resultsets", RESULTS = "results",
            PENDING = "pending-results";

    /** What jepyc writes as the creator (epyc writes its own sentence; readers ignore the value). */
    static final String CREATOR_TEXT = "Created by jepyc, computational experiment management for the JVM"
            + " (epyc's notebook format)";

    /**
     * Python writes bare NaN/Infinity, so reading allows them; output escapes non-ASCII as
     * Python's default {@code ensure_ascii} does; duplicate keys are a damaged file, not a
     * silent overwrite; the caller owns (and fsyncs) the output stream.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private JsonFormat() { }
}
