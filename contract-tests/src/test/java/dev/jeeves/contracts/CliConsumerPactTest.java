package dev.jeeves.contracts;

import static dev.jeeves.contracts.ContractFacts.CLIENT_ID;
import static dev.jeeves.contracts.ContractFacts.CLIENT_SECRET;
import static dev.jeeves.contracts.ContractFacts.EXAMPLE_JWT;
import static dev.jeeves.contracts.ContractFacts.JWT_PATTERN;
import static dev.jeeves.contracts.ContractFacts.STALE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.jeeves.api.ActionInfo;
import dev.jeeves.api.MessageReply;
import dev.jeeves.api.Secret;
import dev.jeeves.api.ServerStatus;
import dev.jeeves.api.UserDetails;
import dev.jeeves.api.UserPage;
import dev.jeeves.api.UserUpdate;
import dev.jeeves.api.client.ApiException;
import dev.jeeves.api.client.JeevesClient;
import dev.jeeves.api.client.TokenSource;
import dev.jeeves.api.credentials.ClientCredentials;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract 1: what the {@code jeeves} CLI needs from a Jeeves server. The consumer code is the CLI's real API
 * client, {@link JeevesClient}, with its real token handling; the pact it writes is verified against the real server
 * by {@link ServerProviderPactIT}.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ContractFacts.JEEVES_SERVER, pactVersion = PactSpecVersion.V4)
@Tag("contract")
class CliConsumerPactTest {
    private static final String ALICE = "U0ALICE";
    private static final String PROBLEM_JSON = "application/problem+json";

    @TempDir
    Path dataDir;

    // tag::token-contract[]
    @Pact(consumer = ContractFacts.JEEVES_CLI)
    V4Pact tokenForClientCredentials(PactDslWithProvider builder) {
        return withClientCredentials(
                        builder.uponReceiving("a token request with the admin client's credentials")
                                .method("POST")
                                .path("/oauth/token"),
                        CLIENT_SECRET)
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(new PactDslJsonBody()
                        .stringMatcher("access_token", JWT_PATTERN, EXAMPLE_JWT)
                        .stringValue("token_type", "Bearer")
                        .integerType("expires_in", 900)
                        .stringType("scope", "messages users:read users:write"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "tokenForClientCredentials")
    void theClientTradesItsCredentialsForAToken(MockServer server) {
        assertThat(api(server, CLIENT_SECRET).freshToken()).matches(JWT_PATTERN);
    }
    // end::token-contract[]

    @Pact(consumer = ContractFacts.JEEVES_CLI)
    V4Pact tokenForAWrongSecret(PactDslWithProvider builder) {
        return withClientCredentials(
                        builder.uponReceiving("a token request with a wrong client secret")
                                .method("POST")
                                .path("/oauth/token"),
                        "wrong-secret")
                .willRespondWith()
                .status(401)
                // RFC 6749 §5.2, as OAuth clients expect it: application/json with "error"; the CLI prints the detail.
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(problem(401).stringValue("error", "invalid_client").stringType("error_description", "in words"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "tokenForAWrongSecret")
    void aWrongSecretIsNotAuthorized(MockServer server) {
        assertThatThrownBy(() -> api(server, "wrong-secret").freshToken())
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.notAuthorized()).isTrue())
                .hasMessageStartingWith("not authorized: ");
    }

    // tag::ask-contract[]
    @Pact(consumer = ContractFacts.JEEVES_CLI)
    V4Pact askForTheWeather(PactDslWithProvider builder) {
        return authorized(builder.uponReceiving("a question about the weather in Paris"), "POST", "/api/messages")
                .body("{\"user\":\"" + ALICE + "\",\"text\":\"weather in Paris\"}", "application/json")
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", "application/json"))
                .body(new PactDslJsonBody()
                        .stringValue("action", "weather")
                        .stringMatcher(
                                "reply", "Paris, France: -?\\d+°C .+", "Paris, France: 14°C (feels like 13°C), rain"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "askForTheWeather")
    void askPrintsTheReplyToAQuestion(MockServer server) throws IOException {
        MessageReply answer = cachedTokenApi(server).ask(ALICE, "weather in Paris");
        assertThat(answer.reply()).startsWith("Paris, France: ");
    }
    // end::ask-contract[]

    @Pact(consumer = ContractFacts.JEEVES_CLI)
    V4Pact askForHelp(PactDslWithProvider builder) {
        return authorized(builder.uponReceiving("a request for help"), "POST", "/api/messages")
                .body("{\"user\":\"" + ALICE + "\",\"text\":\"help\"}", "application/json")
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", "application/json"))
                .body(new PactDslJsonBody()
                        .stringValue("action", "help")
                        .stringMatcher("reply", "(?s).*weather.*", "I can do these: weather [in] <place> ..."))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "askForHelp")
    void helpListsTheActions(MockServer server) throws IOException {
        assertThat(cachedTokenApi(server).ask(ALICE, "help").reply()).contains("weather");
    }

    @Pact(consumer = ContractFacts.JEEVES_CLI)
    V4Pact listUsers(PactDslWithProvider builder) {
        return authorized(
                        builder.given("user U0ALICE exists with a location")
                                .uponReceiving("a request for the first page of users"),
                        "GET",
                        "/api/users")
                .query("limit=20&offset=0")
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", "application/json"))
                .body(new PactDslJsonBody()
                        .integerType("total", 1)
                        .integerType("limit", 20)
                        .integerType("offset", 0)
                        .minArrayLike("users", 1)
                        .stringType("id", ALICE)
                        .stringType("createdAt", "2026-11-27T10:15:30Z")
                        .closeObject()
                        .closeArray())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "listUsers")
    void usersListShowsAPage(MockServer server) throws IOException {
        UserPage page = cachedTokenApi(server).users(20, 0);
        assertThat(page.users().get(0).id()).isNotBlank();
        assertThat(page.total()).isPositive();
    }

    @Pact(consumer = ContractFacts.JEEVES_CLI)
    V4Pact showUser(PactDslWithProvider builder) {
        return authorized(
                        builder.given("user U0ALICE exists with a location").uponReceiving("a request for one user"),
                        "GET",
                        "/api/users/" + ALICE)
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", "application/json"))
                .body(user("Alice"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "showUser")
    void usersShowPrintsTheUserAndTheirLocation(MockServer server) throws IOException {
        UserDetails user = cachedTokenApi(server).user(ALICE);
        assertThat(user.location().name()).isEqualTo("Berlin");
        assertThat(user.location().timeZone()).isEqualTo("Europe/Berlin");
    }

    @Pact(consumer = ContractFacts.JEEVES_CLI)
    V4Pact showUnknownUser(PactDslWithProvider builder) {
        return authorized(
                        builder.given("no user U0NOBODY exists")
                                .uponReceiving("a request for a user who does not exist"),
                        "GET",
                        "/api/users/U0NOBODY")
                .willRespondWith()
                .status(404)
                .headers(Map.of("Content-Type", PROBLEM_JSON))
                .body(problem(404))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "showUnknownUser")
    void anUnknownUserIsAFailureWithTheServersReason(MockServer server) throws IOException {
        JeevesClient api = cachedTokenApi(server);
        assertThatThrownBy(() -> api.user("U0NOBODY"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.notAuthorized()).isFalse();
                    assertThat(e.httpStatus()).isEqualTo(404);
                })
                .hasMessageNotContaining("HTTP 404");
    }

    @Pact(consumer = ContractFacts.JEEVES_CLI)
    V4Pact updateUser(PactDslWithProvider builder) {
        return authorized(
                        builder.given("user U0ALICE exists with a location").uponReceiving("a change of a user's name"),
                        "PUT",
                        "/api/users/" + ALICE)
                .body("{\"name\":\"Alice Liddell\"}", "application/json")
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", "application/json"))
                .body(user("Alice Liddell"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "updateUser")
    // UserUpdate's fields are tri-state by design: null leaves a field out of the PUT, Optional.empty() clears it.
    @SuppressWarnings("NullOptional")
    void usersSetAnswersWithTheChangedUser(MockServer server) throws IOException {
        UserDetails user = cachedTokenApi(server)
                .updateUser(ALICE, new UserUpdate(java.util.Optional.of("Alice Liddell"), null, null));
        assertThat(user.name()).isEqualTo("Alice Liddell");
    }

    @Pact(consumer = ContractFacts.JEEVES_CLI)
    V4Pact deleteUser(PactDslWithProvider builder) {
        return authorized(
                        builder.given("user U0ALICE exists with a location").uponReceiving("a deletion of a user"),
                        "DELETE",
                        "/api/users/" + ALICE)
                .willRespondWith()
                .status(204)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "deleteUser")
    void usersDeleteSucceedsWithNoContent(MockServer server) throws IOException {
        cachedTokenApi(server).deleteUser(ALICE);
    }

    @Pact(consumer = ContractFacts.JEEVES_CLI)
    V4Pact listActions(PactDslWithProvider builder) {
        DslPart actions = PactDslJsonArray.arrayMinLike(5)
                .stringType("name", "weather")
                .stringType("usage", "weather [in|for] <place>")
                .stringType("description", "The weather now at a place, or where you are.")
                .closeObject();
        return authorized(builder.uponReceiving("a request for the actions"), "GET", "/api/actions")
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", "application/json"))
                .body(actions)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "listActions")
    void actionsListsNamesAndUsage(MockServer server) throws IOException {
        List<ActionInfo> actions = cachedTokenApi(server).actions();
        assertThat(actions).hasSizeGreaterThanOrEqualTo(5);
        assertThat(actions.get(0).usage()).isNotBlank();
    }

    @Pact(consumer = ContractFacts.JEEVES_CLI)
    V4Pact status(PactDslWithProvider builder) {
        return authorized(builder.uponReceiving("a request for the server's status"), "GET", "/api/status")
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", "application/json"))
                .body(new PactDslJsonBody()
                        .stringMatcher("status", "UP|DEGRADED", "UP")
                        .stringType("version", "0.1.0")
                        .stringType("startedAt", "2026-11-27T10:15:30Z")
                        .integerType("uptimeSeconds", 3723)
                        .object("database")
                        .stringType("product", "H2")
                        .booleanType("reachable", true)
                        .closeObject()
                        .object("circuits")
                        .stringMatcher("open-meteo", "CLOSED|OPEN|HALF_OPEN", "CLOSED")
                        .closeObject()
                        .object("slackReplies")
                        .integerType("pending", 0)
                        .integerType("failed", 1)
                        .closeObject())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "status")
    void statusShowsVersionDatabaseAndCircuits(MockServer server) throws IOException {
        ServerStatus status = cachedTokenApi(server).status();
        assertThat(status.status()).isEqualTo("UP");
        assertThat(status.uptimeSeconds()).isEqualTo(3723);
        assertThat(status.circuits()).containsEntry("open-meteo", "CLOSED");
        assertThat(status.slackReplies()).isEqualTo(new ServerStatus.SlackReplies(0, 1));
    }

    // tag::stale-token-contract[]
    @Pact(consumer = ContractFacts.JEEVES_CLI)
    V4Pact staleCachedToken(PactDslWithProvider builder) {
        PactDslResponse refused = builder.uponReceiving("a request with a token the server did not issue")
                .method("GET")
                .path("/api/actions")
                .headers("Authorization", "Bearer " + STALE_TOKEN)
                .willRespondWith()
                .status(401)
                .matchHeader("WWW-Authenticate", "Bearer.*", "Bearer error=\"invalid_token\"")
                .headers(Map.of("Content-Type", PROBLEM_JSON))
                .body(problem(401));
        PactDslResponse freshToken = withClientCredentials(
                        refused.uponReceiving("a token request after the cached token was refused")
                                .method("POST")
                                .path("/oauth/token"),
                        CLIENT_SECRET)
                .willRespondWith()
                .status(200)
                .body(new PactDslJsonBody()
                        .stringMatcher("access_token", JWT_PATTERN, EXAMPLE_JWT)
                        .integerType("expires_in", 900));
        return freshToken
                .uponReceiving("a request for the actions with a fresh token")
                .method("GET")
                .path("/api/actions")
                .matchHeader("Authorization", "Bearer " + JWT_PATTERN, "Bearer " + EXAMPLE_JWT)
                .willRespondWith()
                .status(200)
                .body(PactDslJsonArray.arrayMinLike(1)
                        .stringType("name", "help")
                        .closeObject())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "staleCachedToken")
    void aRefusedCachedTokenIsReplacedOnceAndTheRequestRetried(MockServer server) throws IOException {
        JeevesClient api = api(server, CLIENT_SECRET);
        cacheToken(server, STALE_TOKEN);
        assertThat(api.actions()).isNotEmpty();
    }
    // end::stale-token-contract[]

    /** A token request's body: the admin client's id and this secret, form-encoded as the CLI sends them. */
    private static PactDslRequestWithPath withClientCredentials(PactDslRequestWithPath request, String secret) {
        return request.headers("Content-Type", "application/x-www-form-urlencoded")
                .body(
                        "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=" + secret,
                        "application/x-www-form-urlencoded");
    }

    /** A request that carries a token the server issued (the verification swaps in a real one). */
    private static PactDslRequestWithPath authorized(PactDslRequestWithoutPath request, String method, String path) {
        return request.method(method)
                .path(path)
                .matchHeader("Authorization", "Bearer " + JWT_PATTERN, "Bearer " + EXAMPLE_JWT);
    }

    /** A user with a location, as the API shows one. */
    private static DslPart user(String name) {
        PactDslJsonBody user = new PactDslJsonBody()
                .stringValue("id", ALICE)
                .stringValue("name", name)
                .stringType("email", "alice@example.com")
                .stringType("createdAt", "2026-11-27T10:15:30Z");
        user.object("settings").closeObject();
        return user.object("location")
                .stringValue("name", "Berlin")
                .stringValue("country", "Germany")
                .decimalType("latitude", 52.52437)
                .decimalType("longitude", 13.41053)
                .stringValue("timeZone", "Europe/Berlin")
                .closeObject();
    }

    /** An RFC 9457 problem: the CLI prints its {@code detail}. */
    private static PactDslJsonBody problem(int status) {
        return new PactDslJsonBody()
                .stringType("title", status == 401 ? "Unauthorized" : "Not Found")
                .integerType("status", status)
                .stringType("detail", "what went wrong, in words");
    }

    private JeevesClient api(MockServer server, String secret) {
        var environment = Map.of("JEEVES_CLIENT_ID", CLIENT_ID, "JEEVES_CLIENT_SECRET", secret);
        return new JeevesClient(URI.create(server.getUrl()), new TokenSource(dataDir, environment, Clock.systemUTC()));
    }

    /** The client with a still-valid token in its cache, so only the request under contract is sent. */
    private JeevesClient cachedTokenApi(MockServer server) throws IOException {
        cacheToken(server, EXAMPLE_JWT);
        return api(server, CLIENT_SECRET);
    }

    private void cacheToken(MockServer server, String token) {
        new TokenSource(dataDir, Map.of(), Clock.systemUTC())
                .remember(
                        URI.create(server.getUrl()),
                        new ClientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET)),
                        token,
                        Instant.now().plusSeconds(600));
    }
}
