package dev.jeeves.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Parsing, help, version and completion: what works without a server. */
class JeevesCliTest {
    static CliRun jeeves(String... args) {
        return CliRun.run(Map.of(), args);
    }

    static CliContext parsed(Map<String, String> environment, String... args) {
        CliContext context = context(environment);
        JeevesCli.commandLine(context).parseArgs(args);
        return context;
    }

    static CliContext context(Map<String, String> environment) {
        return new CliContext(
                environment, java.time.Clock.systemUTC(), new java.io.PrintWriter(new java.io.StringWriter()), null);
    }

    @Test
    void defaultsTheServerToLocalhostAndHonoursJeevesServer() {
        CliContext defaults = parsed(Map.of(), "ask", "hi");
        assertThat(defaults.server().toString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(defaults.global.output).isEqualTo(GlobalOptions.Output.text);
        CliContext fromEnvironment = parsed(Map.of("JEEVES_SERVER", "http://jeeves:9"), "ask", "hi");
        assertThat(fromEnvironment.server().toString()).isEqualTo("http://jeeves:9");
        assertThat(parsed(Map.of("JEEVES_SERVER", "http://jeeves:9"), "ask", "--server", "http://other:1", "hi")
                        .server()
                        .toString())
                .isEqualTo("http://other:1");
    }

    @Test
    void quotesWhatTheServeBannerSuggestsOnlyWhereAShellNeedsIt() {
        assertThat(ServeCommand.shellWord("/home/ada/.jeeves")).isEqualTo("/home/ada/.jeeves");
        assertThat(ServeCommand.shellWord("http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
        assertThat(ServeCommand.shellWord("/Users/Ada Lovelace/jeeves")).isEqualTo("'/Users/Ada Lovelace/jeeves'");
        assertThat(ServeCommand.shellWord("/tmp/it's")).isEqualTo("'/tmp/it'\\''s'");
    }

    @Test
    void anOutOfRangeNumberIsAUsageErrorBeforeAnythingHappens() {
        CliRun zero = jeeves("users", "list", "--limit", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err())
                .isEqualTo("jeeves: --limit must be from 1 to 500, not 0 (see \"jeeves users list --help\")\n");
        assertThat(jeeves("users", "list", "--limit", "501").exitCode()).isEqualTo(2);
        assertThat(jeeves("users", "list", "--offset", "-1").err()).startsWith("jeeves: --offset must be 0 or more");
        assertThat(jeeves("serve", "--port", "99999").err())
                .isEqualTo("jeeves: --port must be from 0 to 65535, not 99999 (see \"jeeves serve --help\")\n");
    }

    @Test
    void aServerThatIsNotAnHttpUrlIsAUsageError() {
        CliRun option = jeeves("--server", "notaurl", "ask", "hi");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err())
                .isEqualTo("jeeves: Invalid value for option '--server': \"notaurl\" is not an http:// or https:// URL"
                        + " such as http://127.0.0.1:8080 (see \"jeeves --help\")\n");
        assertThat(jeeves("ask", "--server", "ftp://jeeves.example.org", "hi").exitCode())
                .isEqualTo(2);
        CliRun environment = CliRun.run(Map.of("JEEVES_SERVER", "localhost:8080"), "ask", "hi");
        assertThat(environment.exitCode()).isEqualTo(2);
        assertThat(environment.err())
                .isEqualTo("jeeves: JEEVES_SERVER: \"localhost:8080\" is not an http:// or https:// URL such as"
                        + " http://127.0.0.1:8080\n");
    }

    @Test
    void parsesTheOutputFormat() {
        assertThat(parsed(Map.of(), "-o", "json", "actions").global.json()).isTrue();
        assertThat(jeeves("-o", "yaml", "actions").exitCode()).isEqualTo(2);
    }

    @Test
    void coloursHelpOnlyWhereColourIsWantedAndNeverWithNoColor() {
        // Off the terminal (as here) no colour; picocli.ansi=true stands in for a terminal.
        assertThat(jeeves("--help").out()).doesNotContain("\u001B[");
        String before = System.setProperty("picocli.ansi", "true");
        try {
            assertThat(jeeves("--help").out()).contains("\u001B[");
            assertThat(CliRun.run(Map.of("NO_COLOR", "1"), "--help").out()).doesNotContain("\u001B[");
        } finally {
            if (before == null) {
                System.clearProperty("picocli.ansi");
            } else {
                System.setProperty("picocli.ansi", before);
            }
        }
    }

    @Test
    void printsTheVersion() {
        CliRun run = jeeves("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("jeeves ").contains("Java ");
    }

    @Test
    void printsTheSameVersionWithOrWithoutTheCommandModel() {
        // "--version" alone is answered before picocli builds its model; with another option, picocli answers.
        CliRun fast = jeeves("--version");
        CliRun picocli = jeeves("--verbose", "--version");
        assertThat(picocli.exitCode()).isZero();
        assertThat(fast.out()).isEqualTo(picocli.out());
        assertThat(jeeves("-V").out()).isEqualTo(picocli.out());
    }

    @Test
    void mainHelpHasExamplesAndExitCodes() {
        CliRun run = jeeves("--help");
        assertThat(run.out())
                .contains("Examples:")
                .contains("jeeves serve --sandbox")
                .contains("Exit codes: 0 success")
                .contains("serve", "ask", "users", "actions", "status", "slack", "token", "completion");
    }

    @Test
    void everyCommandAnswersHelpWithItsOwnHelp() {
        for (List<String> command : List.of(
                List.of("ask"),
                List.of("serve"),
                List.of("users"),
                List.of("users", "list"),
                List.of("slack", "send"))) {
            CommandLine whole = JeevesCli.commandLine(context(Map.of()));
            for (String name : command) {
                whole = whole.getSubcommands().get(name);
            }
            String expected = whole.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(command);
                args.add(flag);
                CliRun run = jeeves(args.toArray(String[]::new));
                assertThat(run.exitCode()).as("%s", args).isZero();
                assertThat(run.out()).as("%s", args).isEqualTo(expected).contains("-h, --help");
            }
        }
    }

    @Test
    void everyCommandHasTheHelpOption() {
        List<String> without = new ArrayList<>();
        List<CommandLine> commands = new ArrayList<>(
                JeevesCli.commandLine(context(Map.of())).getSubcommands().values());
        while (!commands.isEmpty()) {
            CommandLine command = commands.remove(0);
            commands.addAll(command.getSubcommands().values());
            if (!command.getCommandSpec().helpCommand()
                    && command.getCommandSpec().findOption("--help") == null) {
                without.add(command.getCommandSpec().qualifiedName());
            }
        }
        assertThat(without)
                .as("commands without -h, --help (mix in HelpOption)")
                .isEmpty();
    }

    @Test
    void helpForACommandDescribesEveryOption() {
        CliRun run = jeeves("help", "ask");
        assertThat(run.out()).contains("--as=USER").contains("Who is asking").contains("--server=URL");
    }

    @Test
    void aCommandLineNamingASubcommandGetsThatSubcommandAloneWithTheSameOptionsAndHelp() {
        CommandLine whole = JeevesCli.commandLine(context(Map.of()));
        for (String name : List.of("serve", "ask", "users", "actions", "status", "slack", "token")) {
            CommandLine lean = CommandModel.forArgs(context(Map.of()), name);
            assertThat(lean.getSubcommands()).as(name).containsOnlyKeys(name);
            assertThat(usages(lean.getSubcommands().get(name)))
                    .as("jeeves %s and its subcommands, lean and whole", name)
                    .isEqualTo(usages(whole.getSubcommands().get(name)));
        }
        for (String[] args : List.of(
                new String[] {"help", "ask"},
                new String[] {"completion"},
                new String[] {"--help", "ask"},
                new String[] {"--server"})) {
            assertThat(CommandModel.forArgs(context(Map.of()), args).getSubcommands())
                    .as(String.join(" ", args))
                    .containsOnlyKeys(whole.getSubcommands().keySet());
        }
    }

    @Test
    void globalOptionsBeforeTheSubcommandStillGetTheLeanModelAndTakeEffect() {
        for (String[] args : List.of(
                new String[] {"--server", "http://jeeves:9", "--data-dir", "/tmp/j", "-v", "-o", "json", "ask", "hi"},
                new String[] {"--server=http://jeeves:9", "--data-dir=/tmp/j", "--verbose", "--output=json", "ask", "hi"
                })) {
            CliContext context = context(Map.of());
            CommandLine lean = CommandModel.forArgs(context, args);
            assertThat(lean.getSubcommands()).as(String.join(" ", args)).containsOnlyKeys("ask");
            lean.parseArgs(args);
            assertThat(context.server().toString()).isEqualTo("http://jeeves:9");
            assertThat(context.dataDir().toString()).isEqualTo("/tmp/j");
            assertThat(context.global.verbose).isTrue();
            assertThat(context.global.json()).isTrue();
        }
    }

    /** A command's usage help and its subcommands', by qualified name. */
    private static Map<String, String> usages(CommandLine command) {
        Map<String, String> usages = new TreeMap<>();
        usages.put(command.getCommandSpec().qualifiedName(), command.getUsageMessage(CommandLine.Help.Ansi.OFF));
        command.getSubcommands().values().forEach(subcommand -> usages.putAll(usages(subcommand)));
        return usages;
    }

    @Test
    void completionScriptCompletesSubcommandsInBash(@TempDir Path dir) throws IOException, InterruptedException {
        CliRun run = jeeves("completion");
        assertThat(run.exitCode()).isZero();
        Path script = dir.resolve("jeeves-completion.bash");
        Files.writeString(script, run.out());
        Process bash = new ProcessBuilder(
                        "bash",
                        "-c",
                        "source " + script + "; COMP_WORDS=(jeeves us); COMP_CWORD=1; COMP_LINE='jeeves us';"
                                + " COMP_POINT=9; _complete_jeeves; echo \"${COMPREPLY[@]}\"")
                // compopt complains outside a real completion; only the candidates matter
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(bash.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String completions =
                new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertThat(completions).isEqualTo("users");
    }
}
