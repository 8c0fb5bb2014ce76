package org.jepyc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jepyc new DIR}: a starter Maven project that builds and runs as generated — a pom with
 * every plugin pinned and jepyc's BOM imported, a logging binding, an example experiment, a test
 * and a README. It never writes into a directory that already holds files.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a starter Maven project in DIR (which must be new or empty): a pom importing jepyc's BOM "
                + "with every plugin pinned, an example experiment with a main that sweeps it on a ParallelLab, a test, "
                + "a logging binding and a README. Then: cd DIR && mvn -q compile exec:java")
final class NewCommand implements Callable<Integer> {
    private static final String TEMPLATES = "starter/";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The directory to create the project in.")
    Path dir;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
            throw new UserException("Will not create a project in " + dir.toAbsolutePath() + ": it exists and is not an "
                    + "empty directory (choose a new one)");
        }
        Path abs = dir.toAbsolutePath().normalize();
        String artifact = abs.getFileName() == null ? "experiments" : abs.getFileName().toString()
                .replaceAll("[^A-Za-z0-9_.-]", "-");
        Properties versions = load(TEMPLATES + "versions.properties");
        Map<String, String> values = Map.of("@ARTIFACT@", artifact, "@JEPYC_VERSION@", versions.getProperty("jepyc"),
                "@SLF4J_VERSION@", versions.getProperty("slf4j"), "@JUNIT_VERSION@", versions.getProperty("junit"));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml.template", "pom.xml");
        files.put("README.md.template", "README.md");
        files.put("Sweep.java.template", "src/main/java/example/Sweep.java");
        files.put("SweepTest.java.template", "src/test/java/example/SweepTest.java");
        files.put("simplelogger.properties.template", "src/main/resources/simplelogger.properties");
        for (Map.Entry<String, String> f : files.entrySet()) {
            String text = template(TEMPLATES + f.getKey());
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace(v.getKey(), v.getValue());
            }
            Path to = abs.resolve(f.getValue());
            Files.createDirectories(to.getParent());
            Files.writeString(to, text, StandardCharsets.UTF_8);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created " + artifact + " in " + abs);
        out.println("  cd " + dir + " && mvn -q compile exec:java    # run the example sweep");
        out.println("  (jepyc " + versions.getProperty("jepyc") + " must be in your Maven repository: "
                + "mvn -B install -DskipTests in jepyc's checkout)");
        out.flush();
        return 0;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static String template(String name) throws IOException {
        try (InputStream in = NewCommand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jepyc command's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = NewCommand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jepyc command's jar");
            }
            p.load(in);
        }
        return p;
    }
}
