package dev.jeeves.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code jeeves} command. Each subcommand is one thin class over {@code JeevesApi}, built by the
 * {@link CommandFactory} with the run's {@link CliContext}; this class wires them,
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

    JeevesCli(CliContext context) {
        this.global = context.global;
    }

    /** A writer on the terminal, in the terminal's encoding (what the JDK found for stdout or stderr). */
    static PrintWriter console(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, stream.charset()), true);
    }

    /** Runs a command line and exits with its code. */
    public static void main(String[] args) {
        // picocli looks for Groovy's Closure class once, to support closures in annotations; a class that is not there
        // is looked for in every jar on the class path, which for "serve" (its ~150 jars) took an eighth of a second.
        System.setProperty("picocli.disable.closures", "true");
        PrintWriter out = console(System.out);
        PrintWriter err = console(System.err);
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
            // annotations), or even the context's first lambda, would take most of the run. The same lines
            // picocli prints for it.
            for (String line : new VersionProvider().getVersion()) {
                out.println(line);
            }
            out.flush();
            return 0;
        }
        Clock clock = Clock.systemUTC();
        return run(new CliContext(environment, clock, out, CliContext.http(environment, clock)), err, args);
    }

    /** Runs a command line in a context (tests give one with a fake API); returns the exit code. */
    static int run(CliContext context, PrintWriter err, String... args) {
        PrintWriter out = context.out();
        context.err(err);
        boolean noColor = context.environment.containsKey("NO_COLOR");
        CommandLine commandLine = CommandModel.forArgs(context, args)
                .setOut(out)
                .setErr(err)
                .setColorScheme(CommandLine.Help.defaultColorScheme(
                        noColor ? CommandLine.Help.Ansi.OFF : CommandLine.Help.Ansi.AUTO))
                .setParameterExceptionHandler((e, arguments) -> {
                    String command = e.getCommandLine().getCommandSpec().qualifiedName();
                    // "jeeves users list --help", not "jeeves help users list": picocli's help command reads one word
                    err.println("jeeves: " + e.getMessage() + " (see \"" + command + " --help\")");
                    return CliException.USAGE;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    err.println("jeeves: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    if (context.global.verbose) {
                        e.printStackTrace(err);
                    }
                    return CliException.exitCode(e);
                });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The command model over a context: every command built by a {@link CommandFactory}. */
    static CommandLine commandLine(CliContext context) {
        CommandFactory factory = new CommandFactory(context);
        try {
            return new CommandLine(factory.create(JeevesCli.class), factory);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the jeeves command", e);
        }
    }

    /** The command model as tools see it (man pages, the reference docs): the process environment. */
    public static CommandLine commandLine() {
        Clock clock = Clock.systemUTC();
        return commandLine(
                new CliContext(System.getenv(), clock, console(System.out), CliContext.http(System.getenv(), clock)));
    }
}
