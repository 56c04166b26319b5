package dev.jeeves.cli;

import dev.jeeves.api.ApiLimits;
import dev.jeeves.api.Location;
import dev.jeeves.api.UserDetails;
import dev.jeeves.api.UserPage;
import dev.jeeves.api.UserUpdate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jeeves users list | show | set | delete}: the people Jeeves knows. */
@Command(
        name = "users",
        description = "List, show, change and delete users.",
        subcommands = {
            UsersCommand.ListUsers.class,
            UsersCommand.Show.class,
            UsersCommand.Set.class,
            UsersCommand.Delete.class
        })
final class UsersCommand {
    @Mixin
    HelpOption help;

    @Command(name = "list", description = "List users, oldest first.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        HelpOption help;

        private final CliContext context;

        @Spec
        CommandSpec spec;

        int limit;
        int offset;

        ListUsers(CliContext context) {
            this.context = context;
        }

        // Checked here, as usage errors (exit 2), rather than sent for the server to refuse (exit 1).
        @Option(
                names = "--limit",
                defaultValue = "" + ApiLimits.DEFAULT_PAGE_SIZE,
                description = "At most this many (1-" + ApiLimits.MAX_PAGE_SIZE + ", default: ${DEFAULT-VALUE}).")
        void limit(int value) {
            if (value < 1 || value > ApiLimits.MAX_PAGE_SIZE) {
                throw new ParameterException(
                        spec.commandLine(), "--limit must be from 1 to " + ApiLimits.MAX_PAGE_SIZE + ", not " + value);
            }
            limit = value;
        }

        @Option(
                names = "--offset",
                defaultValue = "0",
                description = "Skip this many first (default: ${DEFAULT-VALUE}).")
        void offset(int value) {
            if (value < 0) {
                throw new ParameterException(spec.commandLine(), "--offset must be 0 or more, not " + value);
            }
            offset = value;
        }

        @Override
        public Integer call() {
            UserPage page = context.api().users(limit, offset);
            Table table = new Table("ID", "NAME", "EMAIL", "LOCATION");
            page.users()
                    .forEach(user ->
                            table.row(user.id(), orDash(user.name()), orDash(user.email()), location(user.location())));
            context.print(page, table.render() + "\n" + page.users().size() + " of " + page.total() + " users");
            return 0;
        }
    }

    @Command(name = "show", description = "Show a user with their settings and alert.")
    static final class Show implements Callable<Integer> {
        @Mixin
        HelpOption help;

        private final CliContext context;

        @Parameters(paramLabel = "ID", description = "The user's id, e.g. U123ABC.")
        String id;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            UserDetails user = context.api().user(id);
            context.print(user, describe(user));
            return 0;
        }
    }

    @Command(name = "set", description = "Create a user or change their name, email or location.")
    static final class Set implements Callable<Integer> {
        @Mixin
        HelpOption help;

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The user's id.")
        String id;

        @Option(names = "--name", description = "Their display name.")
        String name;

        @Option(names = "--email", description = "Their email address.")
        String email;

        @Option(names = "--location", description = "Their location, a place name looked up with geocoding.")
        String location;

        Set(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            UserUpdate update = new UserUpdate(given(name), given(email), given(location));
            if (update.changesNothing()) {
                throw new ParameterException(spec.commandLine(), "give at least one of --name, --email, --location");
            }
            UserDetails user = context.api().updateUser(id, update);
            context.print(user, describe(user));
            return 0;
        }

        /** An option left out changes nothing (null); one given sets the field. */
        @SuppressWarnings("OptionalAssignedToNull")
        private static Optional<String> given(String value) {
            return value == null ? null : Optional.of(value);
        }
    }

    @Command(name = "delete", description = "Delete a user with their settings and alert.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        HelpOption help;

        private final CliContext context;

        @Parameters(paramLabel = "ID", description = "The user's id.")
        String id;

        Delete(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.api().deleteUser(id);
            context.print(Map.of("deleted", id), "Deleted user " + id + ".");
            return 0;
        }
    }

    static String describe(UserDetails user) {
        StringBuilder text = new StringBuilder(String.join(
                "\n",
                "ID:       " + user.id(),
                "Name:     " + orDash(user.name()),
                "Email:    " + orDash(user.email()),
                "Location: " + location(user.location()),
                "Alert:    "
                        + (user.alert() == null
                                ? "off"
                                : "daily at " + user.alert().time())));
        (user.settings() == null ? Map.<String, String>of() : user.settings())
                .forEach((key, value) ->
                        text.append("\nSetting:  ").append(key).append(" = ").append(value));
        return text.toString();
    }

    private static String location(Location location) {
        return location == null ? "-" : location.name() + ", " + location.country();
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
