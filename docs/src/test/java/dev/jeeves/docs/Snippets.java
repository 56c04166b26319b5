package dev.jeeves.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build's generated docs pieces go, and where the docs' own sources are. */
final class Snippets {
    private Snippets() {}

    /** Writes a snippet the docs include as {@code {snippets}/name}. */
    static void write(String name, String text) throws IOException {
        Path dir = Path.of(System.getProperty("docs.snippets", "target/generated-snippets"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text);
    }

    /** The hand-written AsciiDoc sources. */
    static Path sources() {
        return Path.of(System.getProperty("docs.sources", "asciidoc"));
    }

    /** The server's OpenAPI document. */
    static Path openapi() {
        return Path.of(System.getProperty("docs.openapi", "../jeeves-server/src/main/resources/META-INF/openapi.yaml"));
    }
}
