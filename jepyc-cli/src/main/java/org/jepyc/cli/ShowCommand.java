package org.jepyc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.jepyc.LabNotebook;
import org.jepyc.ResultSet;
import org.jepyc.campaign.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jepyc show}: what a notebook holds (epyc's {@code show}, for both formats; D12 fixed). */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a notebook's description and result sets (or, for NOTEBOOK:TAG, that one set): "
                + "tag, current (*), rows, pending jobs, lock, attributes.")
final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NOTEBOOK[:TAG]", description = "A notebook file (.json or .h5), and one of its result sets.")
    String source;

    @Option(names = {"-s", "--short"}, description = "Only the tags, one per line.")
    boolean brief;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Option(names = "--provenance", description = "Also show where each set's results came from (jepyc.provenance.* attributes), "
            + "which are otherwise left out.")
    boolean provenance;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ResultSetSpec s = ResultSetSpec.parse(source);
        Path file = s.notebookOr(null);
        try (LabNotebook nb = NotebookFiles.openReadOnly(file)) {
            List<String> tags = s.tag().isPresent() ? List.of(NotebookFiles.tagOrCurrent(nb, s, file)) : nb.resultSets();
            if (brief) {
                tags.forEach(out::println);
            } else if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(asMap(nb, tags)));
            } else {
                print(nb, tags, out, provenance);
            }
        }
        out.flush();
        return 0;
    }

    private static void print(LabNotebook nb, List<String> tags, PrintWriter out, boolean provenance) {
        out.println(nb.description() + (nb.isFinished() ? " (locked)" : ""));
        out.println();
        out.println("Result sets:");
        for (String tag : tags) {
            ResultSet rs = nb.resultSet(tag);
            out.printf("  %s%s [%d results, %d pending]: %s%s%n", tag, tag.equals(nb.currentTag()) ? "(*)" : "",
                    rs.numberOfResults(), rs.numberOfPendingResults(), rs.description(),
                    rs.isFinished() ? " (locked)" : "");
            for (String k : rs.attributeNames()) {
                if (provenance || !k.startsWith(Provenance.PREFIX)) {
                    out.printf("    %s: %s%n", k, rs.getAttribute(k));
                }
            }
        }
    }

    private static Map<String, Object> asMap(LabNotebook nb, List<String> tags) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", nb.name());
        m.put("description", nb.description());
        m.put("locked", nb.isFinished());
        m.put("current", nb.currentTag());
        List<Map<String, Object>> sets = new java.util.ArrayList<>();
        for (String tag : tags) {
            ResultSet rs = nb.resultSet(tag);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("tag", tag);
            s.put("description", rs.description());
            s.put("results", rs.numberOfResults());
            s.put("pending", rs.numberOfPendingResults());
            s.put("locked", rs.isFinished());
            Map<String, Object> attrs = new LinkedHashMap<>();
            rs.attributeNames().forEach(k -> attrs.put(k, String.valueOf(rs.getAttribute(k))));
            s.put("attributes", attrs);
            sets.add(s);
        }
        m.put("resultSets", sets);
        return m;
    }
}
