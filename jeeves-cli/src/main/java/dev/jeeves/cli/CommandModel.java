package dev.jeeves.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Which command model a run builds: {@code jeeves} with only the command the command line names, or, when it names
 * none that can run alone, the whole model {@link JeevesCli#commandLine(CliContext)} builds.
 *
 * <pre>{@code
 * CommandModel.forArgs(context, "users", "list").execute("users", "list");
 * }</pre>
 */
final class CommandModel {
    private CommandModel() {}

    /**
     * The command model for a command line. When its first word after the global options names a subcommand
     * ({@code jeeves ask help}, {@code jeeves --server URL users list}), only that subcommand can run, and only its
     * help can be printed: the model is {@code jeeves} with its global options and that one subcommand. picocli builds
     * a model by reflection over every command's annotations; leaving out the eight such a command line cannot reach
     * saved about 35 ms of {@code jeeves ask help} and a tenth of a second of {@code serve}'s start. The commands that
     * describe the others ({@code help}, {@code completion}) and anything else ({@code jeeves}, {@code jeeves --help})
     * get the whole model. {@code JeevesCliTest} holds each lean model to the whole one's help.
     */
    // tag::lean-model[]
    static CommandLine forArgs(CliContext context, String... args) {
        CommandFactory factory = new CommandFactory(context);
        CommandSpec global = CommandSpec.forAnnotatedObject(context.global, factory);
        int word = firstWordAfter(global, args);
        Class<?> named = word < args.length ? subcommand(args[word]) : null;
        if (named == null || named == CommandLine.HelpCommand.class || named == CompletionCommand.class) {
            return JeevesCli.commandLine(context);
        }
        CommandSpec jeeves = CommandSpec.wrapWithoutInspection(new JeevesCli(context), factory)
                .name(JeevesCli.class.getAnnotation(Command.class).name())
                .addMixin("global", global);
        try {
            jeeves.addSubcommand(args[word], new CommandLine(factory.create(named), factory));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the jeeves " + args[word] + " command", e);
        }
        return new CommandLine(jeeves, factory);
    }
    // end::lean-model[]

    /**
     * Where the first word of a command line is, after the global options it starts with ({@code --server URL},
     * {@code --server=URL}, {@code -v}); past the end when it starts with any other option ({@code --help}).
     */
    private static int firstWordAfter(CommandSpec global, String... args) {
        int index = 0;
        while (index < args.length && args[index].startsWith("-")) {
            int equals = args[index].indexOf('=');
            OptionSpec option = global.findOption(equals < 0 ? args[index] : args[index].substring(0, equals));
            if (option == null) {
                return args.length;
            }
            index += equals < 0 && option.arity().max() > 0 ? 2 : 1;
        }
        return index;
    }

    /** The subcommand class {@code JeevesCli}'s annotation lists under a name, or null. */
    private static Class<?> subcommand(String name) {
        for (Class<?> type : JeevesCli.class.getAnnotation(Command.class).subcommands()) {
            if (type.getAnnotation(Command.class).name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
