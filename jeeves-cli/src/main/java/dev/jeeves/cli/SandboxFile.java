package dev.jeeves.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jeeves.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code <data-dir>/sandbox.json}: written by {@code jeeves serve --sandbox} while it runs, so that another
 * {@code jeeves} process can find the stub Slack's journal and show the reply to an event it sent.
 *
 * <pre>{@code
 * {"server":"http://127.0.0.1:8080","slackJournal":"http://127.0.0.1:41234/__admin/requests"}
 * }</pre>
 */
final class SandboxFile {
    static final String NAME = "sandbox.json";

    private SandboxFile() {}

    /** Records where the sandbox of this server keeps its stub Slack's journal. */
    static void write(Path dataDir, URI server, URI slackJournal) {
        try {
            Files.createDirectories(dataDir);
            Files.writeString(
                    dataDir.resolve(NAME),
                    Json.MAPPER
                            .createObjectNode()
                            .put("server", server.toString())
                            .put("slackJournal", slackJournal.toString())
                            .toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataDir.resolve(NAME), e);
        }
    }

    /** The journal of the sandbox serving {@code server} from this data directory, if one is running. */
    static Optional<URI> slackJournal(Path dataDir, URI server) {
        Path file = dataDir.resolve(NAME);
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            JsonNode sandbox = Json.MAPPER.readTree(Files.readString(file));
            return sandbox.path("server").asText().equals(server.toString())
                    ? Optional.of(URI.create(sandbox.path("slackJournal").asText()))
                    : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // a broken or stale file: no sandbox to ask
        }
    }

    /** Forgets the sandbox when it stops. */
    static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(NAME));
        } catch (IOException e) {
            // a stale file names a journal that no longer answers: slack send then says so
        }
    }
}
