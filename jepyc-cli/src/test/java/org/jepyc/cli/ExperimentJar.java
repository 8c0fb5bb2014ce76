package org.jepyc.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A user's experiment jar, compiled from source by the test as a user's build would make it. */
final class ExperimentJar {
    private ExperimentJar() { }

    /** @return jepyc's own class path: the command line's classes and its libraries */
    static String jepycClasspath() throws IOException {
        Path target = Jepyc.root().resolve("jepyc-cli/target");
        List<String> cp = new ArrayList<>(List.of(target.resolve("classes").toString()));
        try (Stream<Path> s = Files.list(target.resolve("lib"))) {
            s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> cp.add(p.toString()));
        }
        return String.join(java.io.File.pathSeparator, cp);
    }

    /**
     * @param dir     a scratch directory
     * @param jar     the jar to write (replaced)
     * @param sources file name (as {@code sweep/Square.java}) to source
     * @return the jar
     */
    static Path build(Path dir, Path jar, Map<String, String> sources) throws IOException {
        Path src = Files.createTempDirectory(dir, "src");
        Path classes = Files.createTempDirectory(dir, "classes");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", jepycClasspath(), "--release", "17"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            args.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new AssertionError("The experiment did not compile");
        }
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (OutputStream o = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(o);
             Stream<Path> s = Files.walk(classes)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
        Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return jar;
    }
}
