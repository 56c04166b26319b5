package dev.jeeves.docs;

import dev.jeeves.cli.JeevesCli;
import dev.jeeves.server.JeevesConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The facts the reference is built from, read from the code itself: the CLI's commands (the picocli model), the
 * server's configuration keys with their environment variables and defaults, and the HTTP API (the OpenAPI
 * document the server serves).
 */
final class Reference {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private Reference() {}

    /** Every command, qualified: {@code jeeves}, {@code jeeves users list}, ... */
    static List<CommandLine> commands() {
        List<CommandLine> all = new ArrayList<>();
        collect(JeevesCli.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, all));
    }

    /** Every configuration key with its environment variable. */
    static Map<String, String> environment() {
        return JeevesConfig.ENVIRONMENT;
    }

    /** The paths of the OpenAPI document, each with its methods. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> paths(Path openapi) throws IOException {
        try (Reader reader = Files.newBufferedReader(openapi)) {
            Map<String, Object> document = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) document.get("paths");
        }
    }

    static String commandTable() {
        StringBuilder table = new StringBuilder("[cols=\"2,4,1\"]\n|===\n| Command | What it does | Man page\n\n");
        for (CommandLine command : commands()) {
            String name = command.getCommandSpec().qualifiedName(" ");
            // A command's one-line header when it has one (picocli's help command does, and its description opens
            // with a blank line), else the first line of its description; picocli's %n is a line break, not text.
            String[] header = command.getCommandSpec().usageMessage().header();
            String[] description = header.length > 0
                    ? header
                    : command.getCommandSpec().usageMessage().description();
            String page = command.getCommandSpec().qualifiedName("-");
            table.append("| `")
                    .append(name)
                    .append("` | ")
                    .append(
                            description.length == 0
                                    ? ""
                                    : escape(description[0].replace("%n", " ").strip()))
                    .append(" | link:man/")
                    .append(page)
                    .append(".html[")
                    .append(page)
                    .append("(1)]\n");
        }
        return table.append("|===\n").toString();
    }

    static String configurationTable() {
        Config defaults = Config.just(ConfigSources.classpath("application.yaml"));
        StringBuilder table = new StringBuilder("[cols=\"3,3,2\"]\n|===\n| Environment variable | Key | Default\n\n");
        environment().forEach((variable, key) -> {
            String value = defaults.get(key).asString().orElse("");
            table.append("| `")
                    .append(variable)
                    .append("` | `")
                    .append(key)
                    .append("` | ")
                    .append(value.isEmpty() ? "_(not set)_" : "`" + value + "`")
                    .append('\n');
        });
        return table.append("|===\n").toString();
    }

    @SuppressWarnings("unchecked")
    static String endpointTable(Path openapi) throws IOException {
        StringBuilder table = new StringBuilder("[cols=\"1,3,5\"]\n|===\n| Method | Path | Summary\n\n");
        for (var path : paths(openapi).entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!HTTP_METHODS.contains(operation.getKey())) {
                    continue; // path-level "parameters", "summary", ...
                }
                Object summary = ((Map<String, Object>) operation.getValue()).get("summary");
                table.append("| ")
                        .append(operation.getKey().toUpperCase(Locale.ROOT))
                        .append(" | `")
                        .append(path.getKey())
                        .append("` | ")
                        .append(summary == null ? "" : escape(summary.toString()))
                        .append('\n');
            }
        }
        return table.append("|===\n").toString();
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|");
    }
}
