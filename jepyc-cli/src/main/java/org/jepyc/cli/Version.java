package org.jepyc.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar's manifest, or "development" when run from classes. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = JepycCommand.class.getPackage().getImplementationVersion();
        return new String[] {"jepyc " + (v == null ? "0.1.0-SNAPSHOT" : v)
                + " (Java " + System.getProperty("java.version") + ")"};
    }
}
