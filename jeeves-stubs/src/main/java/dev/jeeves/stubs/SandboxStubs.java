package dev.jeeves.stubs;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.jeeves.api.embedded.StubUpstreams;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * WireMock stubs of Slack's Web API and Open-Meteo on loopback, answering from the canned mappings in
 * {@code jeeves-stubs/} on the classpath: a dozen cities (anything else is "not found"), and a Slack that accepts
 * {@code chat.postMessage} from any {@code xoxb-} token. One set of stubs for the sandbox, the tests and the
 * load tests, so none of them can quietly disagree.
 *
 * <pre>{@code
 * try (SandboxStubs stubs = SandboxStubs.start()) {
 *     stubs.environment();  // JEEVES_SLACK_API_URL=http://127.0.0.1:41234/api, ...
 * }
 * }</pre>
 */
public final class SandboxStubs implements StubUpstreams.Running {
    /** The signing secret Slack events are signed with in the sandbox. Not a secret: never use it for real. */
    public static final String SIGNING_SECRET = StubUpstreams.SANDBOX_SIGNING_SECRET;
    /** The bot token the sandbox's Slack accepts. */
    public static final String BOT_TOKEN = "xoxb-jeeves-sandbox";
    /** The places the canned Open-Meteo knows. */
    public static final List<String> CITIES = List.of(
            "Berlin",
            "Paris",
            "London",
            "New York",
            "Tokyo",
            "Sydney",
            "São Paulo",
            "Cairo",
            "Mumbai",
            "Toronto",
            "Cape Town",
            "Reykjavik");

    private final WireMockServer slack;
    private final WireMockServer openMeteo;

    private SandboxStubs(WireMockServer slack, WireMockServer openMeteo) {
        this.slack = slack;
        this.openMeteo = openMeteo;
    }

    /**
     * Starts both stubs on free loopback ports, side by side: each takes a few hundred milliseconds to start, most of
     * what {@code jeeves serve --sandbox} waits for.
     */
    // tag::start-side-by-side[]
    public static SandboxStubs start() {
        CompletableFuture<WireMockServer> openMeteo = CompletableFuture.supplyAsync(
                () -> stub("jeeves-stubs/open-meteo"),
                task -> Thread.ofPlatform().name("open-meteo-stub").start(task));
        WireMockServer slack;
        try {
            slack = stub("jeeves-stubs/slack");
        } catch (RuntimeException e) {
            try {
                openMeteo.join().stop(); // nothing left running
            } catch (CompletionException alsoFailed) {
                e.addSuppressed(alsoFailed.getCause());
            }
            throw e;
        }
        try {
            return new SandboxStubs(slack, openMeteo.join());
        } catch (CompletionException e) {
            slack.stop();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
    // end::start-side-by-side[]

    /** The Slack stub, for tests that add stubs or read its request journal. */
    public WireMockServer slack() {
        return slack;
    }

    /** The Open-Meteo stub (geocoding and forecast on one server). */
    public WireMockServer openMeteo() {
        return openMeteo;
    }

    /** Slack's Web API base URL on the stub. */
    public String slackApiUrl() {
        return slack.baseUrl() + "/api";
    }

    /** Open-Meteo's base URL on the stub (geocoding and forecast alike). */
    public String openMeteoUrl() {
        return openMeteo.baseUrl() + "/v1";
    }

    /** The environment that points a Jeeves server at these stubs, with the sandbox secret and token. */
    @Override
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JEEVES_SLACK_API_URL", slackApiUrl());
        environment.put("JEEVES_SLACK_SIGNING_SECRET", SIGNING_SECRET);
        environment.put("JEEVES_SLACK_BOT_TOKEN", BOT_TOKEN);
        environment.put("JEEVES_WEATHER_GEOCODING_URL", openMeteoUrl());
        environment.put("JEEVES_WEATHER_FORECAST_URL", openMeteoUrl());
        return environment;
    }

    /** Back to the canned mappings, with empty request journals. */
    public void reset() {
        for (WireMockServer stub : List.of(slack, openMeteo)) {
            stub.resetToDefaultMappings();
            stub.resetRequests();
            stub.resetScenarios();
        }
    }

    @Override
    public URI slackJournal() {
        return URI.create(slack.baseUrl() + "/__admin/requests");
    }

    @Override
    public String description() {
        return "stub Slack at " + slackApiUrl() + ", stub Open-Meteo at " + openMeteoUrl();
    }

    @Override
    public void close() {
        slack.stop();
        openMeteo.stop();
    }

    private static WireMockServer stub(String classpathRoot) {
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderClasspath(classpathRoot)
                // The stubs answer from their mappings and never proxy: no need for WireMock's own HTTP client,
                // whose TLS set-up took a quarter of a second of every start.
                .httpClientFactory((options, trustAll, trustedHosts, useSystemProperties) -> request -> {
                    throw new IOException("the sandbox stubs do not proxy: " + request.getAbsoluteUrl());
                }));
        server.start();
        return server;
    }
}
