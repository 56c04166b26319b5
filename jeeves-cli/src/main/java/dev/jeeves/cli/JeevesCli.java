package dev.jeeves.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code jeeves} command. Each subcommand is one thin class over {@link JeevesApi}; this class wires them,
 * maps failures to the documented exit codes, and offers {@link #run} as the seam tests drive.
 */
@Command(
        name = "jeeves",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Runs a Jeeves server and talks to it: the Slack assistant for weather, locations and daily alerts.",
        subcommands = {
            ServeCommand.class,
            AskCommand.class,
            UsersCommand.class,
            ActionsCommand.class,
            StatusCommand.class,
            SlackCommand.class,
            TokenCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  jeeves serve --sandbox                 start Jeeves offline, with stub Slack and weather",
            "  jeeves ask weather in Paris            ask Jeeves something",
            "  jeeves users list -o json              list users as JSON",
            "  jeeves slack send --as U1 help         send a signed Slack event to /slack/events",
            "  curl -H \"Authorization: Bearer $(jeeves token)\" localhost:8080/api/actions",
            "",
            "Exit codes: 0 success, 1 failure at the server or the network, 2 usage error, 3 not authorized.",
            "Environment: JEEVES_SERVER, JEEVES_DATA_DIR, JEEVES_CLIENT_ID, JEEVES_CLIENT_SECRET, NO_COLOR."
        })
public final class JeevesCli {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    final Map<String, String> environment;
    final Clock clock;

    /** The command as tools build it from its class (the man page generator): the process environment. */
    public JeevesCli() {
        this(System.getenv(), Clock.systemUTC());
    }

    JeevesCli(Map<String, String> environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    /** Runs a command line and exits with its code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        // Everything is done and flushed ("serve" stops its server before it returns). System.exit would first look
        // up a System.Logger to log the exit, and that lookup reads every jar on the class path: for a short
        // command, more time than the command itself. Stop the VM directly instead.
        Runtime.getRuntime().halt(code);
    }

    /** Runs a command line, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)} with a given environment (for tests). */
    static int run(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // The one answer that needs no command model: building picocli's (reflection over every command's
            // annotations) would take most of the run. The same lines picocli prints for it.
            for (String line : new VersionProvider().getVersion()) {
                out.println(line);
            }
            out.flush();
            return 0;
        }
        JeevesCli root = new JeevesCli(environment, Clock.systemUTC());
        CommandLine commandLine = new CommandLine(root)
                .setOut(out)
                .setErr(err)
                .setColorScheme(CommandLine.Help.defaultColorScheme(
                        environment.containsKey("NO_COLOR") ? CommandLine.Help.Ansi.OFF : CommandLine.Help.Ansi.AUTO))
                .setParameterExceptionHandler((e, arguments) -> {
                    String command = e.getCommandLine().getCommandSpec().qualifiedName();
                    err.println("jeeves: " + e.getMessage() + " (see \""
                            + command.replaceFirst("^jeeves", "jeeves help").strip() + "\")");
                    return CliException.USAGE;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    int code = e instanceof CliException failure ? failure.exitCode() : CliException.FAILURE;
                    err.println("jeeves: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    if (root.global != null && root.global.verbose) {
                        e.printStackTrace(err);
                    }
                    return code;
                });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    CommandSpec spec() {
        return spec;
    }

    /** The API client for the server the options name. */
    JeevesApi api() {
        return new JeevesApi(server(), new TokenSource(dataDir(), environment, clock));
    }

    /** The server the options or the environment name. */
    java.net.URI server() {
        return global.server(environment);
    }

    /** The data directory the options or the environment name. */
    java.nio.file.Path dataDir() {
        return global.dataDir(environment);
    }
}
