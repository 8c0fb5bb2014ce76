package org.jepyc.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jepyc run Sweep.java [ARGS]}: compiles a one-file experiment program against jepyc and runs
 * its {@code main} in this JVM, as {@code java Sweep.java} would, with jepyc's classes and quiet
 * logging already there. The compiled classes live in a directory of their own (not in the
 * launcher's memory), in a class loader that is also the thread's context loader.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Compile a one-file experiment program (SOURCE.java) with jepyc on its class path and run its main "
                + "method with the ARGs. The first class declared in the file is the program, as for `java SOURCE.java`.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-cp", "--classpath"}, paramLabel = "PATH",
            description = "More jars and class directories the program needs, separated by the platform's path separator (':' or ';').")
    String classpath;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The program: one .java file.")
    Path source;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments passed to the program's main method.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(source)) {
            throw new UserException("No such program: " + source.toAbsolutePath() + " (give a .java file)");
        }
        if (!source.getFileName().toString().endsWith(".java")) {
            throw new UserException("Not a Java source file: " + source + " (jepyc run takes one .java file)");
        }
        Path classes = Files.createTempDirectory("jepyc-run-");
        List<Path> extra = classpath == null ? List.of() : splitPath(classpath);
        String mainClass = compile(source, classes, extra, err);
        if (mainClass == null) {
            return 1;
        }
        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        for (Path p : extra) {
            urls.add(p.toUri().toURL());
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), RunCommand.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            Method main = mainMethod(loader.loadClass(mainClass));
            main.invoke(null, (Object) args.toArray(String[]::new));
            return 0;
        } catch (InvocationTargetException e) {
            // the program failed: its own stack trace, as `java` would print it
            e.getCause().printStackTrace(err);
            err.flush();
            return 1;
        } finally {
            thread.setContextClassLoader(before);
            deleteTree(classes);
        }
    }

    /** Compiles the file into {@code classes}; returns its first top-level class's name, or null after printing the errors. */
    private static String compile(Path source, Path classes, List<Path> extra, PrintWriter err) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new UserException("jepyc run needs a JDK (javac), but this Java has none: " + System.getProperty("java.home"));
        }
        StringBuilder cp = new StringBuilder(System.getProperty("java.class.path"));
        extra.forEach(p -> cp.append(File.pathSeparator).append(p));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics,
                    List.of("-d", classes.toString(), "-classpath", cp.toString(), "-proc:none", "-encoding", "UTF-8"),
                    null, files.getJavaFileObjects(source.toFile()));
            String mainClass = null;
            for (CompilationUnitTree unit : task.parse()) {
                for (Tree type : unit.getTypeDecls()) {
                    if (mainClass == null && type instanceof ClassTree c) {
                        String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
                        mainClass = pkg + c.getSimpleName();
                    }
                }
            }
            boolean ok = mainClass != null && task.generate().iterator().hasNext()
                    && diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                err.println(d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
                        ? source + ":" + d.getLineNumber() + ": " + d.getKind().toString().toLowerCase(Locale.ROOT) + ": "
                                + d.getMessage(Locale.ROOT)
                        : d.getMessage(Locale.ROOT));
            }
            if (mainClass == null) {
                err.println("jepyc: " + source + " declares no class to run");
            }
            err.flush();
            return ok ? mainClass : null;
        }
    }

    private static Method mainMethod(Class<?> program) throws NoSuchMethodException {
        Method main = program.getMethod("main", String[].class);
        if (!Modifier.isStatic(main.getModifiers())) {
            throw new UserException(program.getName() + ".main(String[]) must be static to run");
        }
        return main;
    }

    private static List<Path> splitPath(String path) {
        List<Path> out = new ArrayList<>();
        for (String p : path.split(File.pathSeparator)) {
            if (!p.isEmpty()) {
                out.add(Path.of(p).toAbsolutePath());
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
