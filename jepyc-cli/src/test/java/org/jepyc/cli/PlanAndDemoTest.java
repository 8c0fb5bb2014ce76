package org.jepyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.jepyc.Experiment;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.examples.EpidemicSweep;
import org.jepyc.json.JsonLabNotebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jepyc plan} and {@code jepyc demo}, run in this JVM: what they say and their exit
 * statuses. The demo's full campaign runs through the launcher in {@link CommandLineIT}; here it
 * reuses a small result set made in its place, or is refused before it starts.
 */
class PlanAndDemoTest {
    @TempDir
    Path dir;

    private Path campaign(Object points) throws Exception {
        Path nb = dir.resolve("campaign.json");
        try (LabNotebook n = new JsonLabNotebook(nb)) {
            Lab lab = new Lab(n);
            lab.put("x", List.of(1, 2, 3, 4, 5));
            lab.runExperiment(Experiment.of(p -> {
                if ((Long) p.get("x") == 5) {
                    throw new IllegalStateException("no");
                }
                return Map.of("y", 1);
            }));
            if (points != null) {
                n.current().setAttribute(Lab.CAMPAIGN_POINTS, points);
            } else {
                n.current().deleteAttribute(Lab.CAMPAIGN_POINTS);     // as in a notebook epyc wrote
            }
            n.addPendingResult(Map.of("x", 6L), "job-6");
        }
        return nb;
    }

    @Test
    void planCountsPointsAndEstimatesTheTimeLeft() throws Exception {
        Path nb = campaign(8L);
        Jepyc.Result r = Cli.run("plan", nb.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(nb + ":" + LabNotebook.DEFAULT_RESULTSET);
        assertThat(lines.get(1)).isEqualTo("  4 done, 1 failed, 1 pending");
        assertThat(lines.get(2)).isEqualTo("  2 left of 8 points");
        assertThat(lines.get(3)).matches("  about \\d+:\\d\\d:\\d\\d of computing to go \\(failed points rerun\\), on one core");
    }

    @Test
    void planSaysWhenTheCampaignsSizeIsUnknownOrUnreadable() throws Exception {
        Path nb = campaign(null);
        Jepyc.Result r = Cli.run("plan", nb + ":" + LabNotebook.DEFAULT_RESULTSET);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("  4 done, 1 failed, 1 pending\n",
                "  (no jepyc.campaign.points attribute: the campaign's size is unknown)");

        Files.delete(nb);
        Path bad = campaign("lots");
        Jepyc.Result refused = Cli.run("plan", bad.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("jepyc: Result set " + bad + ":" + LabNotebook.DEFAULT_RESULTSET
                + " has jepyc.campaign.points = 'lots', not a number of points: run the campaign again to record its size");
    }

    @Test
    void planRefusesWhatItCannotRead() throws Exception {
        Path nb = campaign(8L);
        Jepyc.Result noSet = Cli.run("plan", nb + ":nosuch");
        assertThat(noSet.exit()).isEqualTo(1);
        assertThat(noSet.err().strip()).isEqualTo("jepyc: No result set nosuch in " + nb + " (sets: ["
                + LabNotebook.DEFAULT_RESULTSET + "])");
        Jepyc.Result malformed = Cli.run("plan", nb + ":a:b");
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).startsWith("jepyc: Invalid result set specifier '" + nb + ":a:b'")
                .contains("(see 'jepyc plan --help')");
        Jepyc.Result notANotebook = Cli.run("plan", dir.resolve("notes.txt").toString());
        assertThat(notANotebook.exit()).isEqualTo(1);
        assertThat(notANotebook.err()).contains("name notebooks *.json or *.h5");
        assertThat(Cli.run("plan", nb.toString(), "extra").exit()).isEqualTo(2);
    }

    /** A notebook holding a small stand-in for the demo's result set, with the columns the demo prints and plots. */
    private Path demoNotebook() throws Exception {
        Path nb = dir.resolve("demo.json");
        try (LabNotebook n = new JsonLabNotebook(nb)) {
            n.addResultSet(EpidemicSweep.TAG, "A stand-in for the SIR sweep");
            Lab lab = new Lab(n);
            lab.put("pInfect", List.of(0.02, 0.1)).put("pRecover", List.of(0.2, 0.4));
            lab.runExperiment(Experiment.of(p -> Map.of("size_mean", (Double) p.get("pInfect") / (Double) p.get("pRecover"),
                    "size_ci95", 0.01, "peak_mean", 0.125, "duration_mean", 42.0)));
        }
        return nb;
    }

    @Test
    void theDemoReusesTheResultsItsNotebookHolds() throws Exception {
        Path nb = demoNotebook();
        Path png = dir.resolve("d.png");
        Jepyc.Result r = Cli.run("demo", "--notebook", nb.toString(), "--plot", png.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("Reused result set sir-sweep from " + nb + " (delete it to recompute)\n"
                + "\n"
                + " pInfect pRecover    size (95% CI)       peak   duration\n"
                + "    0.02     0.20   0.100 ± 0.010      0.125       42.0\n"
                + "    0.02     0.40   0.050 ± 0.010      0.125       42.0\n"
                + "    0.10     0.20   0.500 ± 0.010      0.125       42.0\n"
                + "    0.10     0.40   0.250 ± 0.010      0.125       42.0\n"
                + "\n"
                + "Plot of the epidemic size written to " + png + "\n");
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(800);
        // the demo's own earlier plot is replaced without --force
        assertThat(Cli.run("demo", "--notebook", nb.toString(), "--plot", png.toString()).exit()).isZero();
    }

    @Test
    void aReadOnlyNotebookShowsItsResultsAndIsLeftAsItWas() throws Exception {
        Path nb = demoNotebook();
        Files.setPosixFilePermissions(nb, PosixFilePermissions.fromString("r--r--r--"));
        String before = Jepyc.hash(nb);
        Jepyc.Result r = Cli.run("demo", "--notebook", nb.toString(), "--plot", dir.resolve("d.png").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Reused result set sir-sweep from " + nb);
        assertThat(Jepyc.hash(nb)).isEqualTo(before);
    }

    @Test
    void theDemoIsRefusedBeforeItStartsWhenItCouldNotFinish() throws Exception {
        Path other = dir.resolve("other.json");
        try (LabNotebook n = new JsonLabNotebook(other)) {
            n.addResultSet("mine", "Not the demo's");
        }
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("r--r--r--"));
        Path notes = Files.writeString(dir.resolve("notes.png"), "my notes\n");
        String otherBefore = Jepyc.hash(other);
        String notesBefore = Jepyc.hash(notes);

        Jepyc.Result readOnly = Cli.run("demo", "--notebook", other.toString(), "--plot", dir.resolve("d.png").toString());
        assertThat(readOnly.exit()).isEqualTo(1);
        assertThat(readOnly.err().strip()).isEqualTo("jepyc: Notebook " + other + " is read-only (no write permission) and "
                + "holds no result set sir-sweep, so the demo cannot record its results there: give another --notebook");

        Path fresh = dir.resolve("fresh.json");
        Jepyc.Result notPng = Cli.run("demo", "--notebook", fresh.toString(), "--plot", notes.toString());
        assertThat(notPng.exit()).isEqualTo(1);
        assertThat(notPng.err().strip()).isEqualTo("jepyc: --plot " + notes + " exists: give --force to replace it, "
                + "or name another file");

        Jepyc.Result jpg = Cli.run("demo", "--notebook", fresh.toString(), "--plot", dir.resolve("d.jpg").toString());
        assertThat(jpg.exit()).isEqualTo(2);
        assertThat(jpg.err()).startsWith("jepyc: --plot " + dir.resolve("d.jpg") + ": the demo draws a PNG picture; "
                + "name it NAME.png\n").contains("(see 'jepyc demo --help')");

        Path disguised = Files.copy(Jepyc.fixtures().resolve("typed.h5"), dir.resolve("disguised.png"));
        String disguisedBefore = Jepyc.hash(disguised);
        Jepyc.Result overNotebook = Cli.run("demo", "--notebook", fresh.toString(), "--plot", disguised.toString(), "--force");
        assertThat(overNotebook.exit()).isEqualTo(1);
        assertThat(overNotebook.err()).contains("is a notebook: jepyc never writes anything else over a notebook");
        assertThat(Jepyc.hash(disguised)).isEqualTo(disguisedBefore);

        Jepyc.Result cores = Cli.run("demo", "--cores", "x");
        assertThat(cores.exit()).isEqualTo(2);
        assertThat(cores.err()).startsWith("jepyc: Invalid value for option '--cores': 'x'");

        Jepyc.Result format = Cli.run("demo", "--notebook", dir.resolve("demo.txt").toString(),
                "--plot", dir.resolve("d.png").toString());
        assertThat(format.exit()).isEqualTo(1);
        assertThat(format.err()).contains("name notebooks *.json or *.h5");

        assertThat(Jepyc.hash(other)).isEqualTo(otherBefore);
        assertThat(Jepyc.hash(notes)).isEqualTo(notesBefore);
        assertThat(fresh).doesNotExist();
        assertThat(dir.resolve("d.png")).doesNotExist();
        assertThat(dir.resolve("d.jpg")).doesNotExist();
    }
}
