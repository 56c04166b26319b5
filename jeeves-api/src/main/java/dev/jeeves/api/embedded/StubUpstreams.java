package dev.jeeves.api.embedded;

import java.net.URI;
import java.util.Map;

/**
 * Stand-ins for Slack and Open-Meteo on loopback: the sandbox of {@code jeeves serve --sandbox}. The stubs module
 * implements it and registers it as a {@link java.util.ServiceLoader} service.
 *
 * <pre>{@code
 * try (StubUpstreams.Running stubs = ServiceLoader.load(StubUpstreams.class).findFirst().orElseThrow().start()) {
 *     stubs.environment();  // JEEVES_SLACK_API_URL=http://127.0.0.1:41234/api, ...
 * }
 * }</pre>
 */
public interface StubUpstreams {
    /** The signing secret the sandbox's Slack events are signed with. Not a secret: never use it for real. */
    String SANDBOX_SIGNING_SECRET = "jeeves-sandbox-signing-secret";

    /** Starts the stubs on free loopback ports. */
    Running start();

    /** Started stubs. */
    interface Running extends AutoCloseable {
        /** The {@code JEEVES_*} settings that point a server at these stubs. */
        Map<String, String> environment();

        /** Where they listen, for people: {@code stub Slack at ..., stub Open-Meteo at ...}. */
        String description();

        /**
         * The stub Slack's request journal: a {@code GET} answers, as WireMock's admin API does, {@code {"requests":
         * [{"request": {"url": ..., "body": ..., "loggedDate": ...}}, ...]}}, newest first. How {@code jeeves slack
         * send} finds the reply to the event it sent.
         */
        URI slackJournal();

        @Override
        void close();
    }
}
