package org.jepyc.jupyter;

import org.jepyc.fixtures.PackageCycles;
import org.junit.jupiter.api.Test;

/** The Jupyter kernel's packages import each other one way: the display helpers below the kernel. */
class PackageCyclesTest {
    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertAcyclic(KernelMain.class);
    }
}
