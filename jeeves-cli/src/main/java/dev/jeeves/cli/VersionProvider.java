package dev.jeeves.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, with the Java running it. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = JeevesCli.class.getPackage().getImplementationVersion();
        return new String[] {
            "jeeves " + (version == null ? "dev" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
