package dev.jeeves.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.HeaderMismatch;
import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.ResponseMatching;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.jeeves.stubs.SandboxStubs;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds the canned WireMock stubs (the sandbox's, the functional tests', the load tests') to the contracts Jeeves
 * made with Slack's Web API and Open-Meteo: every interaction of those pacts is replayed against the stubs and
 * must be answered as the pact says (status, headers, body, by the pact's own matching rules), and every stub
 * mapping must be exercised by some interaction, so no stub answers something no contract vouches for.
 */
@Tag("contract")
class StubsHonourContractsIT {
    private static final Set<String> RESTRICTED_HEADERS = Set.of("content-length", "host", "connection");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The pacts read so far, by provider: each file is read once. */
    private static final Map<String, Pact> PACTS = new ConcurrentHashMap<>();

    private static SandboxStubs stubs;

    @BeforeAll
    static void startStubs() {
        stubs = SandboxStubs.start();
    }

    @AfterAll
    static void stopStubs() {
        stubs.close();
    }

    // tag::stub-check[]
    @TestFactory
    Stream<DynamicTest> theSlackStubAnswersEveryInteractionAsTheContractSays() {
        return replayEach(ContractFacts.SLACK_WEB_API, stubs.slack());
    }

    @TestFactory
    Stream<DynamicTest> theOpenMeteoStubAnswersEveryInteractionAsTheContractSays() {
        return replayEach(ContractFacts.OPEN_METEO, stubs.openMeteo());
    }

    @Test
    void everySlackStubMappingIsVouchedForByAnInteraction() {
        assertEveryMappingCovered(ContractFacts.SLACK_WEB_API, stubs.slack());
    }

    @Test
    void everyOpenMeteoStubMappingIsVouchedForByAnInteraction() {
        assertEveryMappingCovered(ContractFacts.OPEN_METEO, stubs.openMeteo());
    }
    // end::stub-check[]

    private static Stream<DynamicTest> replayEach(String provider, WireMockServer stub) {
        return interactions(provider).stream()
                .map(interaction -> DynamicTest.dynamicTest(provider + ": " + interaction.getDescription(), () -> {
                    String problems = replay(provider, interaction, stub);
                    assertThat(problems).as(provider + " stub vs contract").isEmpty();
                }));
    }

    private static void assertEveryMappingCovered(String provider, WireMockServer stub) {
        stub.resetRequests();
        for (SynchronousRequestResponse interaction : interactions(provider)) {
            replay(provider, interaction, stub);
        }
        Set<String> used = stub.getAllServeEvents().stream()
                .map(ServeEvent::getStubMapping)
                .filter(mapping -> mapping != null)
                .map(StubsHonourContractsIT::name)
                .collect(Collectors.toSet());
        Set<String> unused = stub.listAllStubMappings().getMappings().stream()
                .map(StubsHonourContractsIT::name)
                .filter(name -> !used.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unused)
                .as(
                        "stub mappings that no interaction of the %s contract exercises: add an interaction for each to"
                                + " the consumer test, or delete the mapping",
                        provider)
                .isEmpty();
    }

    /**
     * Sends the interaction's request to the stub and compares the answer with the pact's response.
     *
     * @return what differs, in words; empty when the stub answered as agreed
     */
    private static String replay(String provider, SynchronousRequestResponse interaction, WireMockServer stub) {
        IRequest request = interaction.getRequest();
        HttpResponse<byte[]> answer = send(stub, request);
        var actual = new Response(
                answer.statusCode(),
                answer.headers().map(),
                OptionalBody.body(
                        answer.body(),
                        ContentType.fromString(
                                answer.headers().firstValue("Content-Type").orElse("application/json"))));
        List<Mismatch> mismatches = ResponseMatching.responseMismatches(pact(provider), interaction, actual);
        if (mismatches.isEmpty()) {
            return "";
        }
        String mapping = stub.getAllServeEvents().stream()
                .findFirst()
                .map(ServeEvent::getStubMapping)
                .map(StubsHonourContractsIT::name)
                .orElse("no mapping");
        return mismatches.stream()
                .map(mismatch -> "  - " + explain(mismatch))
                .collect(Collectors.joining(
                        "\n",
                        "the stub mapping \"" + mapping + "\" answers \"" + interaction.getDescription()
                                + "\" differently from the " + provider + " contract:\n",
                        ""));
    }

    /** Where a mismatch is and what differs, as "contract says / stub said" rather than Pact's terse form. */
    private static String explain(Mismatch mismatch) {
        if (mismatch instanceof BodyMismatch body) {
            return "body at " + body.getPath() + ": " + body.getMismatch();
        }
        if (mismatch instanceof HeaderMismatch header) {
            return "header " + header.getHeaderKey() + ": the contract expects \"" + header.getExpected()
                    + "\", the stub answered \"" + header.getActual() + "\"";
        }
        return mismatch.type() + ": " + mismatch.description();
    }

    private static HttpResponse<byte[]> send(WireMockServer stub, IRequest request) {
        String query = request.getQuery().entrySet().stream()
                .flatMap(parameter ->
                        parameter.getValue().stream().map(value -> encode(parameter.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(stub.baseUrl() + request.getPath() + (query.isEmpty() ? "" : "?" + query));
        OptionalBody body = request.getBody();
        var builder = HttpRequest.newBuilder(uri)
                .method(
                        request.getMethod(),
                        body.isPresent()
                                ? HttpRequest.BodyPublishers.ofByteArray(body.getValue())
                                : HttpRequest.BodyPublishers.noBody());
        request.getHeaders().forEach((name, values) -> {
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<SynchronousRequestResponse> interactions(String provider) {
        return pact(provider).getInteractions().stream()
                .map(interaction -> interaction.asSynchronousRequestResponse())
                .toList();
    }

    /** The pact the consumer tests wrote for this provider; a missing pact fails, it does not pass. */
    private static Pact pact(String provider) {
        return PACTS.computeIfAbsent(provider, name -> {
            File file = new File(
                    System.getProperty("pact.rootDir", "target/pacts"),
                    ContractFacts.JEEVES_SERVER + "-" + name + ".json");
            assertThat(file).as("the pact the consumer tests write").exists();
            return DefaultPactReader.INSTANCE.loadPact(file);
        });
    }

    private static String name(StubMapping mapping) {
        return mapping.getName() != null ? mapping.getName() : mapping.getId().toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
