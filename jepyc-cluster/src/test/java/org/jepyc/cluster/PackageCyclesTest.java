package org.jepyc.cluster;

import org.jepyc.fixtures.PackageCycles;
import org.junit.jupiter.api.Test;

/** The cluster's packages import each other one way: the lab on top, then launching, client and workers, the wire protocol and the profile below. */
class PackageCyclesTest {
    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertAcyclic(ClusterLab.class);
    }
}
