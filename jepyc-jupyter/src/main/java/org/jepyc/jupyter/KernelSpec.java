package org.jepyc.jupyter;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The Jupyter kernel spec "Java (jepyc)": a directory {@code kernels/jepyc} holding a
 * {@code kernel.json} that starts the rapaio Java kernel (jshell inside the kernel's JVM) with
 * jepyc's jars on its class path, and a start-up script that imports jepyc's API.
 *
 * <p>The kernel runs from the jars it is given, where they are: nothing is downloaded when it
 * starts, and installing again after a rebuild or a move points it at the new place.
 */
public final class KernelSpec {
    /** The kernel's name: the directory under {@code kernels/}, and the notebooks' {@code kernelspec.name}. */
    public static final String NAME = "jepyc";
    /** The name Jupyter shows in its launcher and kernel menus. */
    public static final String DISPLAY_NAME = "Java (jepyc)";
    /** Set to "true" in the kernel's JVM, so that displays know they can talk to a notebook. */
    public static final String KERNEL_PROPERTY = "jepyc.jupyter.kernel";
    /** The rapaio kernel's entry point. */
    static final String KERNEL_MAIN = "org.rapaio.jupyter.kernel.MainApp";
    /** What kernel.json starts: the kernel behind a gate that holds requests until it can answer them. */
    static final String LAUNCHER_MAIN = "org.jepyc.jupyter.KernelMain";
    static final String STARTUP_SCRIPT = "startup.jshell";
    /** Written into kernel.json so that uninstall removes only a spec this class wrote. */
    private static final String MARKER = "jepyc.kernelspec";

    private static final List<String> JVM_OPTIONS = List.of(
            "-D" + KERNEL_PROPERTY + "=true",
            // libraries log through SLF4J; a notebook shows warnings and errors only
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-Dorg.slf4j.simpleLogger.log.org.jepyc.Experiment=off",
            "-Dhazelcast.logging.type=slf4j",
            // what Hazelcast's client asks for, so that it does not warn in every notebook
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED");

    private final String java;
    private final List<Path> classpath;

    /**
     * @param java      the java executable the kernel runs on (17 or later)
     * @param classpath the kernel's jars and class directories: the rapaio kernel, jepyc and their
     *                  dependencies
     */
    public KernelSpec(String java, List<Path> classpath) {
        this.java = Objects.requireNonNull(java, "java");
        if (classpath.isEmpty()) {
            throw new IllegalArgumentException("The kernel's class path is empty: it needs the rapaio kernel and jepyc's jars");
        }
        this.classpath = classpath.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /**
     * A spec for this JVM's java and class path, which must hold the rapaio kernel (as the
     * {@code jepyc} command's does).
     *
     * @return the spec
     * @throws IllegalStateException if the kernel is not on this JVM's class path
     */
    public static KernelSpec ofCurrentJvm() {
        List<Path> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                cp.add(Path.of(e));
            }
        }
        KernelSpec spec = new KernelSpec(Path.of(System.getProperty("java.home"), "bin", "java").toString(), cp);
        spec.checkKernelPresent();
        return spec;
    }

    /** @return the java executable */
    public String java() { return java; }

    /** @return the kernel's class path, absolute */
    public List<Path> classpath() { return classpath; }

    /**
     * The kernel directory Jupyter searches for a user: {@code $JUPYTER_DATA_DIR/kernels}, else
     * {@code ~/Library/Jupyter/kernels} on macOS and {@code $XDG_DATA_HOME/jupyter/kernels}
     * (default {@code ~/.local/share/jupyter/kernels}) elsewhere, as Jupyter itself decides.
     *
     * @return the directory (perhaps not there yet)
     */
    public static Path userKernelsDir() {
        String data = System.getenv("JUPYTER_DATA_DIR");
        if (data != null && !data.isBlank()) {
            return Path.of(data, "kernels");
        }
        Path home = Path.of(System.getProperty("user.home"));
        if (System.getProperty("os.name", "").toLowerCase().contains("mac")) {
            return home.resolve("Library/Jupyter/kernels");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
        return base.resolve("jupyter/kernels");
    }

    /**
     * @param prefix an installation prefix, as Jupyter's {@code --prefix}
     * @return {@code prefix/share/jupyter/kernels}
     */
    public static Path prefixKernelsDir(Path prefix) {
        return prefix.resolve("share/jupyter/kernels");
    }

    /**
     * Writes (or replaces) {@code kernelsDir/jepyc}: kernel.json and the start-up script. The
     * files are written beside their final names and renamed over them, so a spec is never
     * half-written.
     *
     * @param kernelsDir a {@code kernels} directory Jupyter searches
     * @return the kernel's directory
     * @throws IOException if it cannot be written
     * @throws IllegalStateException if {@code kernelsDir/jepyc} exists and is not a jepyc kernel spec
     */
    public Path install(Path kernelsDir) throws IOException {
        checkKernelPresent();
        Path dir = kernelsDir.resolve(NAME);
        if (Files.exists(dir) && !isJepycSpec(dir)) {
            throw new IllegalStateException(dir + " exists and is not a jepyc kernel spec: remove it or install elsewhere");
        }
        Files.createDirectories(dir);
        Path script = dir.resolve(STARTUP_SCRIPT);
        writeAtomically(script, startupScript());
        writeAtomically(dir.resolve("kernel.json"), kernelJson(script));
        return dir;
    }

    /**
     * Removes {@code kernelsDir/jepyc} if it is a jepyc kernel spec.
     *
     * @param kernelsDir a {@code kernels} directory
     * @return the directory removed, or empty if there was no jepyc kernel there
     * @throws IOException if it cannot be removed
     * @throws IllegalStateException if {@code kernelsDir/jepyc} is not a jepyc kernel spec
     */
    public static Optional<Path> uninstall(Path kernelsDir) throws IOException {
        Path dir = kernelsDir.resolve(NAME);
        if (!Files.exists(dir)) {
            return Optional.empty();
        }
        if (!isJepycSpec(dir)) {
            throw new IllegalStateException(dir + " is not a jepyc kernel spec: left as it is");
        }
        // only the files install writes: anything else a user put there stays, with the directory
        for (String f : List.of("kernel.json", STARTUP_SCRIPT)) {
            Files.deleteIfExists(dir.resolve(f));
        }
        try {
            Files.delete(dir);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            throw new IOException("Removed the kernel spec's files but not " + dir + ": it holds other files", e);
        }
        return Optional.of(dir);
    }

    /**
     * @return the jshell code every notebook starts with: jepyc's API imported
     */
    public static String startupScript() {
        try (InputStream in = KernelSpec.class.getResourceAsStream(STARTUP_SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("The jepyc-jupyter jar has no " + STARTUP_SCRIPT + ": the build is broken");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the start-up script from the jepyc-jupyter jar", e);
        }
    }

    /**
     * @param script the start-up script's path
     * @return the kernel.json text
     */
    String kernelJson(Path script) {
        List<String> argv = new ArrayList<>();
        argv.add(java);
        argv.addAll(JVM_OPTIONS);
        argv.add("-cp");
        argv.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        argv.add(LAUNCHER_MAIN);
        argv.add("{connection_file}");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RJK_INIT_SCRIPT", script.toString());
        // jshell compiles against what it is given here (';'-separated); the classes themselves
        // load from the JVM's class path, its parent loader
        env.put("RJK_CLASSPATH", String.join(";", classpath.stream().map(Path::toString).toList()));
        env.put("RJK_TIMEOUT_MILLIS", "-1");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("argv", argv);
        json.put("display_name", DISPLAY_NAME);
        json.put("language", "java");
        json.put("interrupt_mode", "message");
        json.put("env", env);
        json.put("metadata", Map.of(MARKER, true, "debugger", false));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write kernel.json", e);
        }
    }

    private void checkKernelPresent() {
        for (Path p : classpath) {
            if (Files.isRegularFile(p) && p.getFileName().toString().startsWith("rapaio-jupyter-kernel")) {
                return;
            }
            if (Files.isDirectory(p) && Files.exists(p.resolve(KERNEL_MAIN.replace('.', '/') + ".class"))) {
                return;
            }
        }
        throw new IllegalStateException("The rapaio Java kernel (rapaio-jupyter-kernel.jar) is not on the class path "
                + classpath + ": build jepyc with `mvn -B -DskipTests package` and install from its jars");
    }

    private static boolean isJepycSpec(Path dir) {
        Path json = dir.resolve("kernel.json");
        try {
            JsonNode n = new ObjectMapper().readTree(json.toFile());
            return n.path("metadata").path(MARKER).asBoolean(false);
        } catch (IOException e) {
            // no kernel.json, or one that is not JSON: not a spec this class wrote
            return false;
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
