package dev.jeeves.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jeeves.api.Json;
import io.helidon.http.DirectHandler.EventType;
import io.helidon.http.DirectHandler.TransportRequest;
import io.helidon.http.DirectHandler.TransportResponse;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.http.WritableHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What Helidon refuses before any route runs is answered as every other error is: a problem, saying what was wrong. */
class DirectProblemsTest {
    static final TransportRequest REQUEST = new TransportRequest() {
        @Override
        public String protocolVersion() {
            return "1.1";
        }

        @Override
        public String method() {
            return "GET";
        }

        @Override
        public String path() {
            return "/api/users/%zz";
        }

        @Override
        public ServerRequestHeaders headers() {
            return ServerRequestHeaders.create(WritableHeaders.create());
        }
    };

    static JsonNode problem(TransportResponse response) throws Exception {
        assertThat(response.headers().get(HeaderNames.CONTENT_TYPE).get()).isEqualTo("application/problem+json");
        return Json.MAPPER.readTree(response.entity().orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void answersEveryKindOfEarlyRefusal(EventType type) {
        assertThat(DirectProblems.all().handler(type)).isInstanceOf(DirectProblems.class);
    }

    @Test
    void saysWhatCouldNotBeReadAndWhere() throws Exception {
        TransportResponse response = DirectProblems.all()
                .handler(EventType.BAD_REQUEST)
                .handle(
                        REQUEST,
                        EventType.BAD_REQUEST,
                        Status.BAD_REQUEST_400,
                        ServerResponseHeaders.create(),
                        "bad %");
        assertThat(response.status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(response.keepAlive()).isEqualTo(EventType.BAD_REQUEST.keepAlive());
        JsonNode problem = problem(response);
        assertThat(problem.path("detail").asText()).isEqualTo("the request could not be read: bad %");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/users/%zz");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
    }

    @Test
    void namesTheStatusWhenHelidonGaveNoReason() throws Exception {
        for (String message : new String[] {null, " "}) {
            TransportResponse response = DirectProblems.all()
                    .handler(EventType.OTHER)
                    .handle(
                            REQUEST,
                            EventType.OTHER,
                            Status.REQUEST_URI_TOO_LONG_414,
                            ServerResponseHeaders.create(),
                            message);
            assertThat(problem(response).path("detail").asText())
                    .isEqualTo("the request could not be read: Request-URI Too Long");
        }
    }

    @Test
    void tellsNothingOfItsOwnFailure() throws Exception {
        TransportResponse response = DirectProblems.all()
                .handler(EventType.INTERNAL_ERROR)
                .handle(
                        REQUEST,
                        EventType.INTERNAL_ERROR,
                        Status.INTERNAL_SERVER_ERROR_500,
                        ServerResponseHeaders.create(),
                        "NullPointerException at Http1Connection:123");
        assertThat(problem(response).path("detail").asText()).isEqualTo("Jeeves failed to read this request");
    }
}
