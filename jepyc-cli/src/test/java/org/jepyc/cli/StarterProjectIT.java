package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's project and a newcomer's clone, built offline with Maven: {@code jepyc new} makes a
 * project that builds, tests and runs against the installed jepyc, and the repository alone (a
 * git clone, nothing beside it) compiles.
 *
 * <p>jepyc is "installed" into a private local repository, never the shared {@code ~/.m2} (other
 * builds read it at the same time): its third-party directories are symbolic links into
 * {@code ~/.m2}, and {@code org/jepyc} holds only this build's parent, BOM and core.
 */
@Tag("system")
class StarterProjectIT {
    private static final Path SHARED = Path.of(System.getProperty("user.home"), ".m2", "repository");
    private static final String VERSION = "0.1.0-SNAPSHOT";

    @TempDir
    Path dir;

    /** Removes the links into the shared repository first: the links go, never what they point to. */
    @org.junit.jupiter.api.AfterEach
    void unlinkSharedRepository() throws IOException {
        Path repo = dir.resolve("m2");
        for (Path d : List.of(repo, repo.resolve("org"))) {
            if (Files.isDirectory(d)) {
                try (Stream<Path> entries = Files.list(d)) {
                    for (Path p : entries.filter(Files::isSymbolicLink).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    @Test
    void aNewProjectBuildsTestsAndRunsOfflineAgainstTheInstalledJepyc() throws Exception {
        assumeTrue(Files.isDirectory(SHARED), "no local Maven repository at " + SHARED + " to build offline from: skipped");
        Path core = Jepyc.root().resolve("jepyc-core/target/jepyc-core-" + VERSION + ".jar");
        assertThat(core).as("jepyc-core is packaged before the command line's integration tests").isRegularFile();
        Path repo = privateRepository(dir.resolve("m2"));
        install(repo, "jepyc-parent", Jepyc.root().resolve("pom.xml"), null);
        install(repo, "jepyc-bom", Jepyc.root().resolve("jepyc-bom/pom.xml"), null);
        install(repo, "jepyc-core", Jepyc.root().resolve("jepyc-core/pom.xml"), core);

        Jepyc.Result made = Jepyc.run(dir, "new", "my-sweep");
        assertThat(made.exit()).as(made.err()).isZero();
        Path project = dir.resolve("my-sweep");
        assertThat(project.resolve("pom.xml")).content().contains("<artifactId>my-sweep</artifactId>", "jepyc-bom",
                "<version>" + VERSION + "</version>", "maven-compiler-plugin");
        assertThat(Jepyc.run(dir, "new", "my-sweep").exit()).as("refuses a directory with files").isEqualTo(1);

        Result build = mvn(project, repo, "package");
        assertThat(build.exit()).as(build.output()).isZero();
        assertThat(project.resolve("target/surefire-reports")).isDirectoryContaining(p -> p.toString().endsWith(".txt"));
        assertThat(Files.readString(project.resolve("target/surefire-reports/example.SweepTest.txt")))
                .contains("Tests run: 1, Failures: 0, Errors: 0");

        // run the program as the README's `mvn exec:java` does, with its own class path; the exec plugin
        // itself is not used here, as nothing else in the build fetches it for an offline run
        Result cp = mvn(project, repo, "dependency:build-classpath", "-Dmdep.outputFile=cp.txt");
        assertThat(cp.exit()).as(cp.output()).isZero();
        String classpath = project.resolve("target/classes") + java.io.File.pathSeparator
                + Files.readString(project.resolve("cp.txt")).trim();
        Result run = exec(project, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath, "example.Sweep"), Map.of(), 300);
        assertThat(run.exit()).as(run.output()).isZero();
        List<String> lines = run.output().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.get(0).trim().split(" +")).startsWith("a", "b").contains("measured_mean", "total_mean");
        assertThat(lines).hasSize(31);          // the header and the 10 x 3 points
        assertThat(run.output()).doesNotContain("epyc.experiment", "SLF4J(W)", "\u001b[");
    }

    @Test
    void theRepositoryAloneCompilesFromAFreshClone() throws Exception {
        Path clone = dir.resolve("jepyc");
        Result git = exec(dir, List.of("git", "clone", "--quiet", "--no-hardlinks", Jepyc.root().toString(), clone.toString()),
                Map.of(), 120);
        assertThat(git.exit()).as(git.output()).isZero();
        assertThat(clone.getParent().resolve("shared")).doesNotExist();
        Result build = exec(clone, List.of("mvn", "-o", "-B", "-q", "-Dstyle.color=never", "-DskipTests", "test-compile"),
                Map.of("MAVEN_OPTS", "-Djansi.noreset=true"), 900);
        assertThat(build.exit()).as(build.output()).isZero();
        assertThat(clone.resolve("jepyc-core/target/classes/org/jepyc/Lab.class")).isRegularFile();
        assertThat(clone.resolve("jepyc-cli/target/test-classes")).isDirectory();
    }

    /** A local repository whose third-party directories link to the shared one; org/jepyc is its own. */
    private static Path privateRepository(Path repo) throws IOException {
        Files.createDirectories(repo.resolve("org"));
        try (Stream<Path> top = Files.list(SHARED)) {
            for (Path p : top.toList()) {
                if (!p.getFileName().toString().equals("org")) {
                    Files.createSymbolicLink(repo.resolve(p.getFileName().toString()), p);
                }
            }
        }
        try (Stream<Path> org = Files.list(SHARED.resolve("org"))) {
            for (Path p : org.toList()) {
                if (!p.getFileName().toString().equals("jepyc")) {
                    Files.createSymbolicLink(repo.resolve("org").resolve(p.getFileName().toString()), p);
                }
            }
        }
        return repo;
    }

    /** Places an artifact as {@code mvn install} would lay it out (a locally built snapshot). */
    private static void install(Path repo, String artifact, Path pom, Path jar) throws IOException {
        Path at = repo.resolve("org/jepyc").resolve(artifact).resolve(VERSION);
        Files.createDirectories(at);
        Files.copy(pom, at.resolve(artifact + "-" + VERSION + ".pom"));
        if (jar != null) {
            Files.copy(jar, at.resolve(artifact + "-" + VERSION + ".jar"));
        }
    }

    private record Result(int exit, String output) { }

    private static Result mvn(Path project, Path repo, String... goals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-o", "-B", "-q", "-Dstyle.color=never",
                "-Dmaven.repo.local=" + repo));
        command.addAll(List.of(goals));
        return exec(project, command, Map.of("MAVEN_OPTS", "-Djansi.noreset=true"), 600);
    }

    /** Runs a command to its end with its output in a file (no pipe to fill). */
    private static Result exec(Path dir, List<String> command, Map<String, String> env, int seconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "exec", ".txt");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(p.exitValue(), out);
    }
}
