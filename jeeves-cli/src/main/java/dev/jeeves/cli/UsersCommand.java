package dev.jeeves.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
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
    @ParentCommand
    JeevesCli cli;

    static String location(JsonNode user) {
        JsonNode location = user.path("location");
        return location.isObject()
                ? location.path("name").asText() + ", "
                        + location.path("country").asText()
                : "-";
    }

    static String text(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "-" : value.asText();
    }

    @Command(name = "list", description = "List users, oldest first.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Spec
        CommandSpec spec;

        int limit;
        int offset;

        // Checked here, as usage errors (exit 2), rather than sent for the server to refuse (exit 1).
        @Option(
                names = "--limit",
                defaultValue = "50",
                description = "At most this many (1-500, default: ${DEFAULT-VALUE}).")
        void limit(int value) {
            if (value < 1 || value > 500) {
                throw new ParameterException(spec.commandLine(), "--limit must be from 1 to 500, not " + value);
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
            JsonNode page = users.cli.api().users(limit, offset);
            Table table = new Table("ID", "NAME", "EMAIL", "LOCATION");
            page.path("users")
                    .forEach(user -> table.row(
                            user.path("id").asText(),
                            text(user.path("name")),
                            text(user.path("email")),
                            location(user)));
            String text = table.render() + "\n" + page.path("users").size() + " of "
                    + page.path("total").asLong() + " users";
            Output.print(users.cli, page, text);
            return 0;
        }
    }

    @Command(name = "show", description = "Show a user with their settings and alert.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Parameters(paramLabel = "ID", description = "The user's id, e.g. U123ABC.")
        String id;

        @Override
        public Integer call() {
            JsonNode user = users.cli.api().user(id);
            Output.print(users.cli, user, describe(user));
            return 0;
        }
    }

    @Command(name = "set", description = "Create a user or change their name, email or location.")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The user's id.")
        String id;

        @Option(names = "--name", description = "Their display name.")
        String name;

        @Option(names = "--email", description = "Their email address.")
        String email;

        @Option(names = "--location", description = "Their location, a place name looked up with geocoding.")
        String location;

        @Override
        public Integer call() {
            Map<String, String> fields = new LinkedHashMap<>();
            if (name != null) {
                fields.put("name", name);
            }
            if (email != null) {
                fields.put("email", email);
            }
            if (location != null) {
                fields.put("location", location);
            }
            if (fields.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "give at least one of --name, --email, --location");
            }
            JsonNode user = users.cli.api().updateUser(id, fields);
            Output.print(users.cli, user, describe(user));
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a user with their settings and alert.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Parameters(paramLabel = "ID", description = "The user's id.")
        String id;

        @Override
        public Integer call() {
            users.cli.api().deleteUser(id);
            Output.print(users.cli, JeevesApi.JSON.createObjectNode().put("deleted", id), "Deleted user " + id + ".");
            return 0;
        }
    }

    static String describe(JsonNode user) {
        StringBuilder text = new StringBuilder()
                .append("ID:       ")
                .append(user.path("id").asText())
                .append('\n')
                .append("Name:     ")
                .append(text(user.path("name")))
                .append('\n')
                .append("Email:    ")
                .append(text(user.path("email")))
                .append('\n')
                .append("Location: ")
                .append(location(user))
                .append('\n')
                .append("Alert:    ")
                .append(
                        user.path("alert").isObject()
                                ? "daily at " + user.path("alert").path("time").asText()
                                : "off");
        user.path("settings")
                .properties()
                .forEach(setting -> text.append('\n')
                        .append("Setting:  ")
                        .append(setting.getKey())
                        .append(" = ")
                        .append(setting.getValue().asText()));
        return text.toString();
    }
}
