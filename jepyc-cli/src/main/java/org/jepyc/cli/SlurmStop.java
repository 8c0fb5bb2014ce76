package org.jepyc.cli;

import java.io.IOException;
import java.util.List;

import org.jepyc.cluster.admin.JepycHome;
import org.jepyc.cluster.slurm.Slurm;
import org.jepyc.cluster.slurm.SlurmCluster;

/** The SLURM part of {@code jepyc cluster stop}: cancel the worker jobs the profile submitted. */
final class SlurmStop {
    private SlurmStop() { }

    /**
     * Cancels the profile's pending and running SLURM jobs (after the head has stopped, so that it
     * submits no replacement) and forgets them.
     *
     * @param profile a profile
     * @return the jobs cancelled (empty if it has none)
     * @throws IOException if the job ledger cannot be read
     */
    static List<String> cancel(String profile) throws IOException {
        SlurmCluster c = new SlurmCluster(JepycHome.profileDir(profile), new Slurm());
        if (!c.exists()) {
            return List.of();
        }
        List<String> ids = c.cancelAll();
        c.forget();
        return ids;
    }
}
