package org.jepyc.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jepyc shell}: jshell with jepyc on its class path and its packages imported. jshell runs
 * the snippets in an agent JVM of its own, which gets the same class path (and so the command
 * line's quiet logging configuration).
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Open jshell with jepyc on the class path and org.jepyc.* (and the JSON, HDF5 and cluster "
                + "packages, java.util.*, java.nio.file.*, org.dflib.*) imported. Further arguments go to jshell: "
                + "a script to run (end it with /exit to leave), or jshell's own options.")
final class ShellCommand implements Callable<Integer> {
    private static final String STARTUP = "jepyc-startup.jsh";

    @Option(names = {"-cp", "--classpath"}, paramLabel = "PATH",
            description = "More jars and class directories to put on the class path, separated by the platform's path separator (':' or ';').")
    String classpath;

    @Parameters(paramLabel = "JSHELL-ARG", arity = "0..*", description = "Arguments for jshell, such as a script file.")
    List<String> jshellArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path startup = Files.createTempFile("jepyc-startup-", ".jsh");
        try {
            copyStartup(startup);
            String cp = System.getProperty("java.class.path") + (classpath == null ? "" : File.pathSeparator + classpath);
            List<String> args = new ArrayList<>(List.of("--class-path", cp,
                    "--startup", "DEFAULT", "--startup", startup.toString()));
            args.addAll(jshellArgs);
            return JavaShellToolBuilder.builder().start(args.toArray(String[]::new));
        } finally {
            Files.deleteIfExists(startup);
        }
    }

    private static void copyStartup(Path to) throws IOException {
        try (InputStream in = ShellCommand.class.getResourceAsStream(STARTUP)) {
            if (in == null) {
                throw new IllegalStateException(STARTUP + " is missing from the jepyc command's jar");
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
