package dev.jeeves.cli;

import java.lang.reflect.Constructor;
import java.time.Clock;
import picocli.CommandLine;

/**
 * Builds each command with the {@link CliContext} of the run, instead of commands reaching up through
 * {@code @ParentCommand} chains: a command's parsing and behaviour can then be tested against a fake API.
 *
 * <p>The no-argument constructor is for tools that build the command model from the class name (man pages,
 * completion scripts): {@code --factory dev.jeeves.cli.CommandFactory}.
 */
public final class CommandFactory implements CommandLine.IFactory {
    private final CliContext context;

    /** The factory for tools: the process environment, standard output. */
    public CommandFactory() {
        this(new CliContext(
                System.getenv(),
                Clock.systemUTC(),
                JeevesCli.console(System.out),
                CliContext.http(System.getenv(), Clock.systemUTC())));
    }

    CommandFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == CliContext.class) {
                return type.cast(constructor.newInstance(context));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}
