package dev.jeeves.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version from the jar's manifest, with the Java running it.
 *
 * <p>Built without {@code +} on strings and without {@link Runtime#version()}: both bootstrap the JDK's method
 * handle machinery on first use (string concatenation through {@code invokedynamic}, the version parser's lambdas),
 * several milliseconds that would be most of what {@code jeeves --version} costs beyond starting the JVM.
 */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = JeevesCli.class.getPackage().getImplementationVersion();
        return new String[] {
            String.join("", "jeeves ", version == null ? "dev" : version),
            String.join(
                    "",
                    "Java ",
                    System.getProperty("java.runtime.version"),
                    " (",
                    System.getProperty("java.vendor"),
                    ")")
        };
    }
}
