package org.jepyc.dashboard;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;

import org.jepyc.Experiment;
import org.jepyc.Lab;
import org.jepyc.LabNotebook;
import org.jepyc.OpenMode;

/**
 * The campaign {@link DashboardBrowserTest} watches, in a process of its own: a lab over points
 * i = 0..n-1 committing into a notebook (JSON or HDF5, by extension) after every result. A point runs only when the test
 * allows it: each line on standard input ("3") lets that many more points run, so the test
 * decides how far the campaign is when it looks.
 */
public final class CampaignChild {
    static final Semaphore ALLOWED = new Semaphore(0);

    private CampaignChild() { }

    /** @param args the notebook file and the number of points */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Thread feeder = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    ALLOWED.release(Integer.parseInt(line.trim()));
                }
            } catch (Exception e) {
                // the test has gone: nothing more will be allowed
            }
        });
        feeder.setDaemon(true);
        feeder.start();
        try (LabNotebook nb = LabNotebook.open(file, OpenMode.CREATE_NEW)) {
            nb.setDescription("a gated campaign");
            nb.commit();
            System.out.println("ready");
            System.out.flush();
            Lab lab = new Lab(nb).withCommitInterval(Duration.ofNanos(1));
            lab.put("i", IntStream.range(0, n));
            lab.runExperiment(Experiment.of(p -> {
                try {
                    ALLOWED.acquire();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                long i = (Long) p.get("i");
                return Map.of("square", i * i);
            }));
        }
        System.out.println("finished");
    }
}
