package dev.jeeves.server;

import io.helidon.webclient.http1.Http1Client;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API's answers over a socket: a started Jeeves, or the live one {@code -Djeeves.url} names. */
@Tag("functional")
class HttpApiOverHttpIT extends HttpApiBehaviour {
    @TempDir
    static Path dataDir;

    private static JeevesFixture jeeves;
    private static Http1Client client;

    @BeforeAll
    static void startJeeves() {
        jeeves = JeevesFixture.start(dataDir);
        client = Http1Client.builder().baseUri(jeeves.uri()).build();
    }

    @AfterAll
    static void stopJeeves() {
        client.closeResource();
        jeeves.close();
    }

    @Override
    Http1Client client() {
        return client;
    }

    @Override
    String[] clientCredentials() {
        return jeeves.clientCredentials();
    }
}
