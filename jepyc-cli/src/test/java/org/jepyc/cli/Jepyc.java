package org.jepyc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code ./jepyc} launcher as a separate process, as a user would. */
final class Jepyc {

    /**
     * @param exit   the exit status
     * @param out    standard output
     * @param err    standard error
     */
    record Result(int exit, String out, String err) { }

    private Jepyc() { }

    static Path root() {
        return Path.of("").toAbsolutePath();
    }

    static Path fixtures() {
        return root().resolve("../shared/fixtures/epyc-1.7.2").normalize();
    }

    /**
     * @param dir  the working directory of the command
     * @param args its arguments
     * @return what it did
     */
    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, java.util.Map.of(), args);
    }

    /**
     * @param dir  the working directory of the command
     * @param env  environment variables to set (JEPYC_HOME)
     * @param args its arguments
     * @return what it did
     */
    static Result run(Path dir, java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(root().resolve("jepyc").toString());
        cmd.addAll(List.of(args));
        return exec(dir, env, cmd);
    }

    /**
     * Runs any command, its output in files (so that neither pipe can fill and block it).
     *
     * @param dir the working directory
     * @param env environment variables to set
     * @param cmd the command
     * @return what it did
     */
    static Result exec(Path dir, java.util.Map<String, String> env, List<String> cmd) throws IOException, InterruptedException {
        List<String> args = cmd.subList(1, cmd.size());
        Path out = Files.createTempFile("jepyc-out", ".txt");
        Path err = Files.createTempFile("jepyc-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(cmd.get(0) + " " + String.join(" ", args) + " did not finish");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** @return the SHA-256 of a file's bytes */
    static String hash(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** @return a writable copy of a fixture in dir */
    static Path copy(String fixture, Path dir) throws IOException {
        Path to = dir.resolve(fixture);
        Files.copy(fixtures().resolve(fixture), to);
        to.toFile().setWritable(true, true);
        return to;
    }
}
