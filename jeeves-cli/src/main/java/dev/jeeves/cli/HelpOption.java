package dev.jeeves.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h} and {@code --help} on every command: its own help (where {@code jeeves help} reads only a command's first word). Each
 * command mixes it in ({@code @Mixin HelpOption help;}); an option inherited from {@code jeeves} would clash with the
 * {@code -h} of picocli's {@code help} command.
 *
 * <pre>{@code
 * jeeves users list --help
 * }</pre>
 */
final class HelpOption {
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean requested;
}
