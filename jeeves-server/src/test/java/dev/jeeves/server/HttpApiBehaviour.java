package dev.jeeves.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jeeves.api.ApiLimits;
import dev.jeeves.api.Json;
import dev.jeeves.server.auth.Scopes;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP API answers when no upstream is involved: the same bodies run in memory against the routing
 * ({@link HttpApiInMemoryTest}, Helidon's {@code DirectClient}, no socket) and over real HTTP against a running
 * Jeeves ({@link HttpApiOverHttpIT}, which {@code -Djeeves.url} can point at a deployment).
 */
abstract class HttpApiBehaviour {
    /** An answer, read whole: status, content type, the WWW-Authenticate and Allow headers, the body as JSON. */
    record Answer(Status status, String contentType, String wwwAuthenticate, String allow, JsonNode json) {
        String text(String field) {
            return json.path(field).asText();
        }
    }

    /** The client to send requests with: direct to the routing, or over a socket. */
    abstract Http1Client client();

    /** The admin client's id and secret. */
    abstract String[] clientCredentials();

    private String adminToken;

    String adminToken() {
        if (adminToken == null) {
            adminToken = token(null);
        }
        return adminToken;
    }

    /** A token from {@code POST /oauth/token}, with every scope unless one is given. */
    String token(String scope) {
        String[] client = clientCredentials();
        String form = "grant_type=client_credentials&client_id=" + encode(client[0]) + "&client_secret="
                + encode(client[1]) + (scope == null ? "" : "&scope=" + encode(scope));
        Answer answer = send(Method.POST, "/oauth/token", "application/x-www-form-urlencoded", form, null);
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(Status.OK_200);
        return answer.text("access_token");
    }

    Answer send(Method method, String path, String contentType, String body, String token) {
        int query = path.indexOf('?');
        Http1ClientRequest request = client().method(method).path(query < 0 ? path : path.substring(0, query));
        if (query >= 0) {
            UriQuery parameters = UriQuery.create(path.substring(query + 1));
            parameters
                    .names()
                    .forEach(name ->
                            request.queryParam(name, parameters.all(name).toArray(String[]::new)));
        }
        if (token != null) {
            request.header(HeaderNames.AUTHORIZATION, "Bearer " + token);
        }
        if (contentType != null) {
            request.header(HeaderNames.CONTENT_TYPE, contentType);
        }
        try (Http1ClientResponse response = body == null ? request.request() : request.submit(body)) {
            String text = response.entity().hasEntity() ? response.as(String.class) : "";
            return new Answer(
                    response.status(),
                    response.headers().contentType().map(Object::toString).orElse(""),
                    response.headers().first(HeaderNames.WWW_AUTHENTICATE).orElse(""),
                    response.headers().first(HeaderNames.ALLOW).orElse(""),
                    text.isEmpty() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer get(String path) {
        return send(Method.GET, path, null, null, adminToken());
    }

    Answer postJson(String path, String json) {
        return send(Method.POST, path, "application/json", json, adminToken());
    }

    Answer ask(String text) {
        return postJson("/api/messages", "{\"user\":\"" + FunctionalTest.newUser() + "\",\"text\":\"" + text + "\"}");
    }

    static void assertProblem(Answer answer, Status status, String detail) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(status.code());
        assertThat(answer.text("detail")).isEqualTo(detail);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void answersHelpWithEveryAction() {
        Answer answer = ask("help");
        assertThat(answer.status()).isEqualTo(Status.OK_200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.text("action")).isEqualTo("help");
        assertThat(answer.text("reply")).contains("weather [in|for] <place>").contains("config show");
    }

    @Test
    void answersAnUnknownWord() {
        Answer answer = ask("dance please");
        assertThat(answer.text("action")).isEqualTo("unknown");
        assertThat(answer.text("reply")).isEqualTo("I don't know how to \"dance\". Try \"help\".");
    }

    @Test
    void keepsSettingsBetweenMessages() {
        String user = FunctionalTest.newUser();
        postJson("/api/messages", "{\"user\":\"" + user + "\",\"text\":\"config set units metric\"}");
        Answer answer = postJson("/api/messages", "{\"user\":\"" + user + "\",\"text\":\"config get units\"}");
        assertThat(answer.text("reply")).isEqualTo("units = metric");
    }

    @Test
    void listsTheActions() {
        Answer answer = get("/api/actions");
        assertThat(answer.json().findValuesAsText("name"))
                .containsExactly("help", "weather", "location", "config", "alerts");
        assertThat(answer.json().get(1).path("usage").asText()).isEqualTo("weather [in|for] <place>");
    }

    @Test
    void refusesMalformedJsonSayingWhere() {
        Answer answer = postJson("/api/messages", "{\"user\":\"U1\",");
        assertThat(answer.status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text("instance")).isEqualTo("/api/messages");
        assertThat(answer.text("detail")).startsWith("malformed JSON at line 1");
    }

    @Test
    void refusesAMissingField() {
        assertProblem(
                postJson("/api/messages", "{\"user\":\"U1\"}"), Status.BAD_REQUEST_400, "field \"text\" is required");
    }

    @Test
    void refusesAWrongType() {
        assertProblem(
                postJson("/api/messages", "{\"user\":\"U1\",\"text\":42}"),
                Status.BAD_REQUEST_400,
                "field \"text\" must be a string, not number");
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        assertProblem(
                postJson("/api/messages", "[\"help\"]"), Status.BAD_REQUEST_400, "the body must be a JSON object");
    }

    @Test
    void refusesABodyNotSentAsJsonAndStoresNothing() {
        String user = FunctionalTest.newUser();
        Answer answer = send(Method.PUT, "/api/users/" + user, "text/plain", "{\"name\":\"Eve\"}", adminToken());
        assertProblem(
                answer,
                Status.UNSUPPORTED_MEDIA_TYPE_415,
                "send the body as JSON with Content-Type: application/json, not text/plain");
        assertThat(get("/api/users/" + user).status()).isEqualTo(Status.NOT_FOUND_404);
    }

    @Test
    void refusesAnInvalidUserId() {
        Answer answer = postJson("/api/messages", "{\"user\":\"not an id!\",\"text\":\"help\"}");
        assertThat(answer.status()).isEqualTo(Status.BAD_REQUEST_400);
        assertThat(answer.text("detail")).contains("is not a valid user id");
    }

    @Test
    void refusesTextOverTheLimit() {
        assertProblem(
                postJson("/api/messages", "{\"user\":\"U1\",\"text\":\"" + "a".repeat(4001) + "\"}"),
                Status.BAD_REQUEST_400,
                "field \"text\" has 4001 characters; the most is 4000");
    }

    @Test
    void refusesAnOversizedBody() {
        Answer answer = postJson("/api/messages", "{\"user\":\"U1\",\"text\":\"" + "a".repeat(70_000) + "\"}");
        assertThat(answer.status()).isEqualTo(Status.REQUEST_ENTITY_TOO_LARGE_413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text("detail")).contains("the most accepted here is 65536");
    }

    @Test
    void answersAMethodAPathDoesNotTakeWith405AndWhatItTakes() {
        Answer messages = send(Method.DELETE, "/api/messages", null, null, adminToken());
        assertProblem(messages, Status.METHOD_NOT_ALLOWED_405, "/api/messages takes POST, not DELETE");
        assertThat(messages.allow()).isEqualTo("POST");
        Answer user = send(Method.PATCH, "/api/users/U1", "application/json", "{\"name\":\"Eve\"}", adminToken());
        assertThat(user.status()).isEqualTo(Status.METHOD_NOT_ALLOWED_405);
        assertThat(user.allow()).isEqualTo("GET, PUT, DELETE");
    }

    @Test
    void answersAPathNothingServesWith404AndWhereTheApiIsDescribed() {
        for (Method method : new Method[] {Method.GET, Method.POST, Method.DELETE}) {
            assertProblem(
                    send(method, "/no/such/path", null, null, null),
                    Status.NOT_FOUND_404,
                    "no endpoint " + method.text() + " /no/such/path (the HTTP API is described at /openapi)");
        }
        assertProblem(
                get("/api/nothing-here"),
                Status.NOT_FOUND_404,
                "no endpoint GET /api/nothing-here (the HTTP API is described at /openapi)");
        assertProblem(
                send(Method.POST, "/slack/no-such-thing", "application/json", "{}", null),
                Status.NOT_FOUND_404,
                "no endpoint POST /slack/no-such-thing (the HTTP API is described at /openapi)");
    }

    @Test
    void refusesAnUnknownFieldRatherThanIgnoreIt() {
        assertProblem(
                postJson("/api/messages", "{\"user\":\"U1\",\"text\":\"help\",\"channel\":\"C1\"}"),
                Status.BAD_REQUEST_400,
                "unknown field \"channel\"; a message has \"user\" and \"text\"");
    }

    @Test
    void answers404ForAnUnknownUser() {
        Answer answer = get("/api/users/NOBODY" + FunctionalTest.newUser());
        assertThat(answer.status()).isEqualTo(Status.NOT_FOUND_404);
        assertThat(answer.text("detail")).startsWith("no user with id");
    }

    @Test
    void refusesTheApiWithoutATokenAndSaysHowToGetOne() {
        Answer answer = send(Method.GET, "/api/actions", null, null, null);
        assertThat(answer.status()).isEqualTo(Status.UNAUTHORIZED_401);
        assertThat(answer.wwwAuthenticate()).isEqualTo("Bearer realm=\"jeeves\"");
        assertThat(answer.text("detail")).contains("POST /oauth/token");
    }

    @Test
    void aReadOnlyTokenCanReadUsersButNotChangeThem() {
        String readOnly = token(Scopes.USERS_READ);
        assertThat(send(Method.GET, "/api/users", null, null, readOnly).status())
                .isEqualTo(Status.OK_200);
        Answer refused = send(
                Method.PUT,
                "/api/users/" + FunctionalTest.newUser(),
                "application/json",
                "{\"name\":\"Eve\"}",
                readOnly);
        assertThat(refused.status()).isEqualTo(Status.FORBIDDEN_403);
        assertThat(refused.wwwAuthenticate()).contains("error=\"insufficient_scope\"");
        assertThat(refused.text("detail")).contains("\"users:write\"");
    }

    Answer put(String path, String json) {
        return send(Method.PUT, path, "application/json", json, adminToken());
    }

    Answer delete(String path) {
        return send(Method.DELETE, path, null, null, adminToken());
    }

    @Test
    void putCreatesAUserThenChangesOnlyTheFieldsGiven() {
        String id = FunctionalTest.newUser();
        Answer created = put("/api/users/" + id, "{\"name\":\" Ada \",\"email\":\"ada@example.com\"}");
        assertThat(created.status()).isEqualTo(Status.CREATED_201);
        assertThat(created.text("id")).isEqualTo(id);
        assertThat(created.text("name")).as("stripped").isEqualTo("Ada");
        assertThat(created.json().path("location").isNull()).isTrue();
        Answer changed = put("/api/users/" + id, "{\"email\":\"ada@lovelace.org\"}");
        assertThat(changed.status()).isEqualTo(Status.OK_200);
        assertThat(changed.text("name")).isEqualTo("Ada");
        assertThat(changed.text("email")).isEqualTo("ada@lovelace.org");
        Answer cleared = put("/api/users/" + id, "{\"name\":null}");
        assertThat(cleared.json().path("name").isNull())
                .as(cleared.json().toString())
                .isTrue();
        assertThat(get("/api/users/" + id).text("email")).isEqualTo("ada@lovelace.org");
    }

    @Test
    void putRefusesBadFieldsAndStoresNothing() {
        String id = FunctionalTest.newUser();
        String user = "/api/users/" + id;
        assertProblem(
                put(user, "{\"email\":\"not-an-email\"}"),
                Status.BAD_REQUEST_400,
                "field \"email\" is not an email address: \"not-an-email\"");
        assertProblem(
                put(user, "{\"age\":3}"),
                Status.BAD_REQUEST_400,
                "unknown field \"age\"; a user has \"name\", \"email\" and \"location\"");
        assertProblem(
                put(user, "{}"), Status.BAD_REQUEST_400, "nothing to change: give \"name\", \"email\" or \"location\"");
        assertProblem(
                put(user, "{\"name\":[1]}"), Status.BAD_REQUEST_400, "field \"name\" must be a string, not array");
        assertProblem(
                put(user, "{\"name\":\"" + "n".repeat(129) + "\"}"),
                Status.BAD_REQUEST_400,
                "field \"name\" has 129 characters; the most is 128");
        assertThat(get(user).status()).isEqualTo(Status.NOT_FOUND_404);
    }

    @Test
    void listPagesThroughUsers() {
        String first = FunctionalTest.newUser();
        put("/api/users/" + first, "{\"name\":\"First\"}");
        put("/api/users/" + FunctionalTest.newUser(), "{\"name\":\"Second\"}");
        Answer all = get("/api/users?limit=500");
        assertThat(all.status()).isEqualTo(Status.OK_200);
        assertThat(all.json().path("users").findValuesAsText("id")).contains(first);
        int total = all.json().path("total").asInt();
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(all.json().path("users").size()).as("a page of up to 500").isEqualTo(Math.min(total, 500));
        Answer last = get("/api/users?limit=1&offset=" + (total - 1));
        assertThat(last.json().path("users").size()).isEqualTo(1);
        assertThat(last.json().path("limit").asInt()).isEqualTo(1);
        assertThat(last.json().path("offset").asInt()).isEqualTo(total - 1);
        assertThat(get("/api/users?offset=" + total).json().path("users").size())
                .isZero();
        assertThat(get("/api/users").json().path("limit").asInt())
                .as("the default page")
                .isEqualTo(50);
    }

    @Test
    void listRefusesBadPaging() {
        assertProblem(
                get("/api/users?limit=0"),
                Status.BAD_REQUEST_400,
                "query parameter \"limit\" must be a whole number from 1 to 500, got \"0\"");
        assertProblem(
                get("/api/users?limit=501"),
                Status.BAD_REQUEST_400,
                "query parameter \"limit\" must be a whole number from 1 to 500, got \"501\"");
        assertProblem(
                get("/api/users?limit=2&limit=3"),
                Status.BAD_REQUEST_400,
                "query parameter \"limit\" is given 2 times; give it once");
        assertProblem(
                get("/api/users?offset=-1"),
                Status.BAD_REQUEST_400,
                "query parameter \"offset\" must be a whole number from 0 to 2147483647, got \"-1\"");
        assertProblem(
                get("/api/users?limit=ten"),
                Status.BAD_REQUEST_400,
                "query parameter \"limit\" must be a whole number from 1 to 500, got \"ten\"");
        assertProblem(
                get("/api/users?limt=5"),
                Status.BAD_REQUEST_400,
                "unknown query parameter \"limt\"; the user list takes \"limit\" and \"offset\"");
        assertThat(get("/api/users?limit=500&offset=0").status()).isEqualTo(Status.OK_200);
    }

    @Test
    void showsAUserWithTheirSettings() {
        String id = FunctionalTest.newUser();
        postJson("/api/messages", "{\"user\":\"" + id + "\",\"text\":\"config set units imperial\"}");
        Answer answer = get("/api/users/" + id);
        assertThat(answer.status()).isEqualTo(Status.OK_200);
        assertThat(answer.json().path("settings").path("units").asText()).isEqualTo("imperial");
        assertThat(answer.json().path("alert").isMissingNode()
                        || answer.json().path("alert").isNull())
                .isTrue();
    }

    @Test
    void deleteRemovesTheUserWithTheirSettings() {
        String id = FunctionalTest.newUser();
        postJson("/api/messages", "{\"user\":\"" + id + "\",\"text\":\"config set units metric\"}");
        assertThat(delete("/api/users/" + id).status()).isEqualTo(Status.NO_CONTENT_204);
        assertThat(get("/api/users/" + id).status()).isEqualTo(Status.NOT_FOUND_404);
        assertProblem(delete("/api/users/" + id), Status.NOT_FOUND_404, "no user with id \"" + id + "\"");
        postJson("/api/messages", "{\"user\":\"" + id + "\",\"text\":\"help\"}");
        Answer again = get("/api/users/" + id);
        assertThat(again.status()).isEqualTo(Status.OK_200);
        assertThat(again.json().path("settings").isObject()).isTrue();
        assertThat(again.json().path("settings").isEmpty())
                .as("settings gone with the user")
                .isTrue();
    }

    @Test
    void refusesAnInvalidUserIdInThePath() {
        for (Answer answer : new Answer[] {
            get("/api/users/bad%20id"), put("/api/users/bad%20id", "{\"name\":\"Eve\"}"), delete("/api/users/bad%20id")
        }) {
            assertThat(answer.status()).isEqualTo(Status.BAD_REQUEST_400);
            assertThat(answer.text("detail")).contains("is not a valid user id");
        }
    }

    @Test
    void reportsStatusWithDatabaseCircuitsAndReplies() {
        Answer answer = get("/api/status");
        assertThat(answer.status()).isEqualTo(Status.OK_200);
        assertThat(answer.text("status")).isEqualTo("UP");
        assertThat(answer.json().path("database").path("reachable").asBoolean()).isTrue();
        assertThat(answer.json().path("database").path("product").asText()).isIn("H2", "PostgreSQL");
        assertThat(answer.json().path("circuits").path("open-meteo").asText()).isEqualTo("CLOSED");
        assertThat(answer.json().path("uptimeSeconds").asLong()).isNotNegative();
        assertThat(answer.json().path("slackReplies").path("failed").isNumber()).isTrue();
        assertThat(answer.text("version")).isNotBlank();
        assertProblem(
                send(Method.POST, "/api/status", "application/json", "{}", adminToken()),
                Status.METHOD_NOT_ALLOWED_405,
                "/api/status takes GET, not POST");
    }

    @Test
    void takesABodyOfExactlyTheLimitAndRefusesOneByteMore() {
        String message = "{\"user\":\"" + FunctionalTest.newUser() + "\",\"text\":\"help\"}";
        String atTheLimit = message + " ".repeat(ApiLimits.MAX_BODY_BYTES - message.length());
        assertThat(postJson("/api/messages", atTheLimit).status()).isEqualTo(Status.OK_200);
        assertProblem(
                postJson("/api/messages", atTheLimit + " "),
                Status.REQUEST_ENTITY_TOO_LARGE_413,
                "the body has 65537 bytes or more; the most accepted here is 65536");
    }

    @Test
    void takesAJsonMediaTypeWithASuffixAndRefusesOthers() {
        String message = "{\"user\":\"" + FunctionalTest.newUser() + "\",\"text\":\"help\"}";
        assertThat(send(Method.POST, "/api/messages", "application/vnd.jeeves+json", message, adminToken())
                        .status())
                .isEqualTo(Status.OK_200);
        assertThat(send(Method.POST, "/api/messages", "application/json; charset=utf-8", message, adminToken())
                        .status())
                .isEqualTo(Status.OK_200);
        assertProblem(
                send(Method.POST, "/api/messages", "text/vnd.jeeves+json", message, adminToken()),
                Status.UNSUPPORTED_MEDIA_TYPE_415,
                "send the body as JSON with Content-Type: application/json, not text/vnd.jeeves+json");
        assertProblem(
                send(Method.POST, "/api/messages", "application/jsonish", message, adminToken()),
                Status.UNSUPPORTED_MEDIA_TYPE_415,
                "send the body as JSON with Content-Type: application/json, not application/jsonish");
    }

    @Test
    void refusesAMissingOrNullBody() {
        assertProblem(
                send(Method.POST, "/api/messages", "application/json", null, adminToken()),
                Status.BAD_REQUEST_400,
                "the request needs a JSON object body");
        assertProblem(
                send(Method.POST, "/api/messages", "application/json", "", adminToken()),
                Status.BAD_REQUEST_400,
                "the request needs a JSON object body");
        assertProblem(postJson("/api/messages", "null"), Status.BAD_REQUEST_400, "the body must be a JSON object");
    }
}
