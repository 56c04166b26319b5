package dev.jeeves.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The docs written by hand must keep up with the code: a command, a configuration key or an API path that exists
 * but is not mentioned in {@code docs/asciidoc/} fails the build. (The generated tables list them all anyway;
 * this asks for the words around them.)
 */
@Tag("docs")
class DocsCoverageTest {
    private static String docs;

    @BeforeAll
    static void readTheDocs() throws IOException {
        try (Stream<Path> files = Files.walk(Snippets.sources())) {
            docs = files.filter(file -> file.toString().endsWith(".adoc"))
                    .map(DocsCoverageTest::read)
                    .collect(Collectors.joining("\n"));
        }
    }

    @Test
    void everyCommandIsDescribed() {
        List<String> commands = Reference.commands().stream()
                .map(command -> command.getCommandSpec().qualifiedName(" "))
                .toList();
        assertThat(commands).hasSizeGreaterThan(10);
        assertThat(commands)
                .as("commands the docs do not mention")
                .filteredOn(command -> !docs.contains("`" + command))
                .isEmpty();
    }

    @Test
    void everyConfigurationKeyAndVariableIsDescribed() {
        assertThat(Reference.environment().keySet())
                .as("environment variables the docs do not mention")
                .filteredOn(variable -> !docs.contains("`" + variable + "`"))
                .isEmpty();
        assertThat(Reference.environment().values())
                .as("configuration keys the docs do not mention")
                .filteredOn(key -> !docs.contains("`" + key + "`"))
                .isEmpty();
    }

    @Test
    void everyApiPathIsDescribed() throws IOException {
        assertThat(Reference.paths(Snippets.openapi()).keySet())
                .hasSizeGreaterThan(5)
                .as("API paths the docs do not mention")
                .filteredOn(path -> !docs.contains(" " + path + "`"))
                .isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
