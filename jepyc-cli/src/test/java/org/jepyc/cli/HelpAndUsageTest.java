package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The root command's help, and usage errors of every command, run in this JVM. */
class HelpAndUsageTest {

    /** Every command and subcommand, as the words that name it ("cluster start"). */
    static Stream<String> commands() {
        List<String> names = new ArrayList<>();
        collect(Main.commandLine(), names);
        return names.stream();
    }

    private static void collect(CommandLine cl, List<String> names) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            String name = sub.getCommandSpec().qualifiedName(" ").substring("jepyc ".length());
            if (!names.contains(name)) {
                names.add(name);
                collect(sub, names);
            }
        }
    }

    @Test
    void withoutACommandTheCommandsAreListedOnStandardOutput() {
        Jepyc.Result bare = Cli.run();
        assertThat(bare.exit()).isZero();
        assertThat(bare.err()).isEmpty();
        assertThat(bare.out()).startsWith("Usage: jepyc ").contains("Commands:");
        for (String command : List.of("show", "select", "copy", "remove", "export", "convert", "plot", "plan", "demo",
                "collect", "cluster", "run", "shell", "new", "jupyter", "dashboard")) {
            assertThat(bare.out()).containsPattern("(?m)^  " + command + " ");
        }
        Jepyc.Result help = Cli.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).isEqualTo(bare.out());
        assertThat(Cli.run("help").out()).isEqualTo(bare.out());
    }

    @Test
    void versionNamesJepycAndJava() {
        Jepyc.Result r = Cli.run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("jepyc ").contains("(Java " + System.getProperty("java.version") + ")");
    }

    @Test
    void commandGroupsListTheirCommandsWhenGivenNone() {
        Jepyc.Result cluster = Cli.run("cluster");
        assertThat(cluster.exit()).isZero();
        assertThat(cluster.out()).startsWith("Usage: jepyc cluster ").contains("start", "status", "stop");
        Jepyc.Result jupyter = Cli.run("jupyter");
        assertThat(jupyter.exit()).isZero();
        assertThat(jupyter.out()).startsWith("Usage: jepyc jupyter ").contains("install", "uninstall");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasHelp(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        Jepyc.Result r = Cli.run(args.toArray(new String[0]));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Usage: jepyc " + command + " ");
        assertThat(r.err()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void anUnknownOptionIsAUsageErrorOfStatusTwo(String command) {
        if (command.equals("shell") || command.equals("help")) {
            return;     // shell hands unknown options to jshell; help takes any word as a command's name
        }
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--no-such-option");
        Jepyc.Result r = Cli.run(args.toArray(new String[0]));
        assertThat(r.exit()).as("%s: %s", command, r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        // picocli names missing arguments before unknown options
        assertThat(r.err().lines().findFirst()).get().asString().startsWith("jepyc: ")
                .containsAnyOf("Unknown option: '--no-such-option'", "Missing required");
        assertThat(r.err()).contains("(see 'jepyc " + command + " --help')").doesNotContain("Exception", "\tat ");
    }

    @Test
    void anUnknownOptionAmongGoodArgumentsIsNamed() {
        Jepyc.Result r = Cli.run("show", "--jsno", "nb.json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("jepyc: Unknown option: '--jsno'\n").contains("--json", "(see 'jepyc show --help')");
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatSuggestsTheNearestOne() {
        Jepyc.Result r = Cli.run("shwo", "x.h5");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("jepyc: 'shwo' is not a jepyc command\n").contains("Did you mean: jepyc show");
        assertThat(r.out()).isEmpty();
        Jepyc.Result help = Cli.run("help", "nosuch");
        assertThat(help.exit()).as(help.err()).isEqualTo(2);
    }

    @Test
    void aNotebookWhereATagIsNeededIsAUsageError() {
        for (String command : List.of("copy", "remove")) {
            Jepyc.Result r = Cli.run(command, "/nowhere/nb.json", "/nowhere/dest.json");
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).startsWith("jepyc: Result set specifier '/nowhere/nb.json' names no result set: "
                    + "write NOTEBOOK:TAG\n").contains("(see 'jepyc " + command + " --help')");
        }
    }

    @Test
    void anArgumentOutOfRangeIsAUsageError() {
        Jepyc.Result r = Cli.run("dashboard", "--port", "70000");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("jepyc: --port 70000 is not a port number: give one from 1 to 65535, or 0 for a free one\n");
    }

    @Test
    void missingArgumentsAreUsageErrorsNamingThem() {
        for (List<String> args : List.of(List.of("show"), List.of("select"), List.of("remove"), List.of("copy"),
                List.of("export"), List.of("convert"), List.of("convert", "a.json"), List.of("plan"),
                List.of("plot", "a.json", "--x", "x", "-o", "p.png"))) {
            Jepyc.Result r = Cli.run(args.toArray(new String[0]));
            assertThat(r.exit()).as("%s: %s", args, r.err()).isEqualTo(2);
            assertThat(r.err()).as("%s", args).startsWith("jepyc: Missing required").contains("Usage: jepyc " + args.get(0));
        }
    }
}
