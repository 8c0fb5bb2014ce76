/**
 * Notebooks persisted as HDF5 files in epyc's layout, readable by Python epyc, h5py and pandas.
 * {@link org.jepyc.hdf5.Hdf5LabNotebook} is the user API; {@code org.jepyc.hdf5.provider}
 * plugs the format into the core's storage SPI; the rest maps result sets to epyc's groups and
 * tables (reading, committing, remote read-only files) over the HDF5 layer below. Internal but for
 * {@code Hdf5LabNotebook}.
 */
package org.jepyc.hdf5;
