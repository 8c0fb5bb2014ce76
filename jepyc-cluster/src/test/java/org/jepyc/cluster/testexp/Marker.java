package org.jepyc.cluster.testexp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jepyc.Experiment;

/** Creates a file named by its {@code dir} field and the point: proof that it ran. */
public class Marker extends Experiment {
    private static final long serialVersionUID = 1L;
    private final String dir;

    /** @param dir where to leave marks */
    public Marker(String dir) {
        this.dir = dir;
    }

    @Override
    protected Map<String, ?> perform(Map<String, Object> p) throws Exception {
        Files.writeString(Path.of(dir, "ran-" + p.get("a")), "ran");
        return Map.of("total", p.get("a"));
    }
}
