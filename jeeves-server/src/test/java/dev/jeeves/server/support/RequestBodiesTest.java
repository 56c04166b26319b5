package dev.jeeves.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jeeves.api.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a body is read, in memory: taken whole up to its limit, declared or streamed; refused with 413 past it; and, for
 * JSON, refused with 415 or 400 and a detail that says what to send instead.
 */
@RoutingTest
class RequestBodiesTest {
    static final int LIMIT = 16;

    record Named(String name) {}

    private final DirectClient client;

    RequestBodiesTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        RequestBodies bodies = new RequestBodies(new ReadDeadlines(Duration.ofSeconds(10)));
        Problems.register(routing);
        routing.post("/bytes", (req, res) -> res.send(new String(bodies.read(req, LIMIT), StandardCharsets.UTF_8)))
                .post(
                        "/json",
                        (req, res) -> res.send(
                                bodies.readJson(req, LIMIT, Named.class).name()));
    }

    record Answer(Status status, String text) {
        String detail() {
            try {
                JsonNode problem = Json.MAPPER.readTree(text);
                return problem.path("detail").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Answer answer(Http1ClientRequest request, String body) {
        try (Http1ClientResponse response = body == null ? request.request() : request.submit(body)) {
            return new Answer(response.status(), response.entity().hasEntity() ? response.as(String.class) : "");
        }
    }

    /** Sent without a length, in chunks, as a client that streams its body does. */
    static Answer streamed(Http1ClientRequest request, String body) {
        try (Http1ClientResponse response = request.outputStream(out -> {
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.close();
        })) {
            return new Answer(response.status(), response.entity().hasEntity() ? response.as(String.class) : "");
        }
    }

    @Test
    void takesABodyUpToItsLimitWholeDeclaredOrStreamed() {
        String sixteen = "0123456789abcdef";
        assertThat(answer(client.post("/bytes"), sixteen)).isEqualTo(new Answer(Status.OK_200, sixteen));
        assertThat(streamed(client.post("/bytes"), sixteen)).isEqualTo(new Answer(Status.OK_200, sixteen));
        assertThat(answer(client.post("/bytes"), null)).isEqualTo(new Answer(Status.OK_200, ""));
    }

    @Test
    void refusesABodyPastItsLimitSayingHowLargeItWas() {
        Answer declared = answer(client.post("/bytes"), "0123456789abcdefg");
        assertThat(declared.status()).isEqualTo(Status.REQUEST_ENTITY_TOO_LARGE_413);
        assertThat(declared.detail()).isEqualTo("the body has 17 bytes or more; the most accepted here is 16");

        Answer streamed = streamed(client.post("/bytes"), "0123456789abcdefghijklmnop");
        assertThat(streamed.status()).isEqualTo(Status.REQUEST_ENTITY_TOO_LARGE_413);
        assertThat(streamed.detail()).isEqualTo("the body has 17 bytes or more; the most accepted here is 16");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            application/json                 | 200 | Ann
            application/problem+json         | 200 | Ann
            application/json; charset=UTF-8  | 200 | Ann
            text/plain                       | 415 | send the body as JSON with Content-Type: application/json, not text/plain
            application/jsonl                | 415 | send the body as JSON with Content-Type: application/json, not application/jsonl
            text/x+json                      | 415 | send the body as JSON with Content-Type: application/json, not text/x+json
            """)
    void takesJsonByItsContentType(String contentType, int status, String said) {
        Answer answer =
                answer(client.post("/json").header(HeaderNames.CONTENT_TYPE, contentType), "{\"name\":\"Ann\"}");
        assertThat(answer.status().code()).isEqualTo(status);
        assertThat(status == 200 ? answer.text() : answer.detail()).isEqualTo(said);
    }

    @Test
    void refusesJsonWithoutAContentTypeSayingSo() {
        Answer answer = streamed(client.post("/json"), "{\"name\":\"Ann\"}");
        assertThat(answer.status()).isEqualTo(Status.UNSUPPORTED_MEDIA_TYPE_415);
        assertThat(answer.detail())
                .isEqualTo(
                        "send the body as JSON with Content-Type: application/json (the request has no Content-Type)");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            ''            | the request needs a JSON object body
            null          | the body must be a JSON object
            {"name":      | malformed JSON at line 1, column 9: Unexpected end-of-input within/between Object entries
            """)
    void refusesABodyThatIsNoJsonObjectSayingWhy(String body, String detail) {
        Answer answer = answer(client.post("/json").header(HeaderNames.CONTENT_TYPE, "application/json"), body);
        assertThat(answer.status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(answer.detail()).isEqualTo(detail);
    }

    @Test
    void refusesARequestWithNoBodyAsMissingItsBodyWhateverItsContentType() {
        List<Answer> missing = List.of(
                answer(client.post("/json"), null),
                answer(client.post("/json").header(HeaderNames.CONTENT_TYPE, "application/json"), null),
                streamed(client.post("/json").header(HeaderNames.CONTENT_TYPE, "application/json"), ""));
        assertThat(missing).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(Status.BAD_REQUEST_400);
            assertThat(answer.detail()).isEqualTo("the request needs a JSON object body");
        });
    }
}
