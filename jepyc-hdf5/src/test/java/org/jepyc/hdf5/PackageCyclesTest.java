package org.jepyc.hdf5;

import org.jepyc.fixtures.PackageCycles;
import org.junit.jupiter.api.Test;

/** The HDF5 format's packages import each other one way: its service provider over epyc's layout over the HDF5 layer. */
class PackageCyclesTest {
    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertAcyclic(Hdf5LabNotebook.class);
    }
}
