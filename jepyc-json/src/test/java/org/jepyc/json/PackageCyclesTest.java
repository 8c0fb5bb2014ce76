package org.jepyc.json;

import org.jepyc.fixtures.PackageCycles;
import org.junit.jupiter.api.Test;

/** The JSON format's packages import each other one way: its service provider over the format. */
class PackageCyclesTest {
    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertAcyclic(JsonLabNotebook.class);
    }
}
