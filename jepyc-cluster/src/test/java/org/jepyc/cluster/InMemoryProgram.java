package org.jepyc.cluster;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A user's program that no jar holds: sources compiled by the test into a class directory of
 * their own and loaded by a class loader of their own, as {@code jepyc run} does. Neither the
 * test's class path nor the workers' holds its classes.
 */
public final class InMemoryProgram implements AutoCloseable {
    private final Path classes;
    private final URLClassLoader loader;

    private InMemoryProgram(Path classes, URLClassLoader loader) {
        this.classes = classes;
        this.loader = loader;
    }

    /**
     * @param dir     a scratch directory
     * @param sources file name (as {@code Sweep.java} or {@code pkg/A.java}) to source
     * @return the compiled program
     */
    public static InMemoryProgram compile(Path dir, Map<String, String> sources) throws IOException {
        Path src = Files.createTempDirectory(dir, "src");
        Path classes = Files.createTempDirectory(dir, "classes");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                "-proc:none"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            args.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new AssertionError("The program did not compile");
        }
        return new InMemoryProgram(classes, new URLClassLoader(new URL[] {classes.toUri().toURL()},
                InMemoryProgram.class.getClassLoader()));
    }

    /** @return the class directory */
    public Path classes() {
        return classes;
    }

    /** @param name a class of the program @return it, loaded */
    public Class<?> load(String name) throws ClassNotFoundException {
        return loader.loadClass(name);
    }

    /** @param className a class with a static method @param method its name, taking no argument @return what it returns */
    public Object call(String className, String method) throws Exception {
        return load(className).getMethod(method).invoke(null);
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
