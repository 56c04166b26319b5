package dev.jeeves.server;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jeeves.api.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No reply Jeeves posts carries a Slack control sequence that came from a user: every sequence, in every action
 * that echoes a user's words, comes back escaped as the text it was (Slack then shows {@code <!channel>}), never as
 * a mention of a channel, of everyone, of a user group, or as a disguised link.
 */
class SlackMarkupIT extends FunctionalTest {
    private static final AtomicInteger CHANNELS = new AtomicInteger();

    /** What a Slack user can make Slack send: mentions, broadcasts, a user group, a disguised link, a date. */
    static final List<String> CONTROL_SEQUENCES = List.of(
            "<!channel>",
            "<!here>",
            "<!everyone>",
            "<!subteam^S0123ABCD|@admins>",
            "<@U0VICTIM>",
            "<#C0SECRET|secret>",
            "<https://evil.example/login|Paris>",
            "<mailto:ceo@example.com|support>",
            "<!date^1392734382^{date}|x>");

    /** Each action whose answer repeats what the user wrote, with the sequence where the user's words go. */
    static final List<String> ECHOING_MESSAGES = List.of(
            "%s wake up", // the unknown-word answer
            "help %s", "weather in %s", "location set %s", "config set note %s", "config get %s", "alerts on at %s");

    static Stream<Arguments> hostileMessages() {
        return ECHOING_MESSAGES.stream()
                .flatMap(message -> CONTROL_SEQUENCES.stream().map(sequence -> Arguments.of(message, sequence)));
    }

    @ParameterizedTest(name = "\"{0}\" with {1}")
    @MethodSource("hostileMessages")
    void repliesShowAUsersControlSequenceAsText(String message, String sequence) throws Exception {
        assumeStubs();
        String text = post(message.formatted(sequence));
        assertThat(text).as("the posted reply").doesNotContain("<").doesNotContain(">");
        boolean addressesJeeves = message.startsWith("%s") && sequence.startsWith("<@");
        if (!message.startsWith("alerts") && !addressesJeeves) {
            // "alerts on at" answers a time it cannot read with its usage line, and a leading mention is read as
            // addressing Jeeves; the others repeat the words.
            assertThat(text)
                    .contains(
                            sequence.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedValues")
    void aStoredValueComesBackAsTheUserTypedIt(String typedInSlack, String shownInSlack) throws Exception {
        assumeStubs();
        String user = newUser();
        post(user, "config set note " + typedInSlack);
        assertThat(post(user, "config get note")).isEqualTo("note = " + shownInSlack);
    }

    /** What Slack sends when a user types a tag, an ampersand or an entity: posted back as Slack sent it, once. */
    static Stream<Arguments> storedValues() {
        return Stream.of(
                Arguments.of("&lt;b&gt;", "&lt;b&gt;"),
                Arguments.of("fish &amp; chips", "fish &amp; chips"),
                Arguments.of("&amp;lt;", "&amp;lt;"),
                Arguments.of("<!channel>", "&lt;!channel&gt;"));
    }

    private static String post(String text) throws Exception {
        return post(newUser(), text);
    }

    /** Sends a direct message from the user in a channel of its own; the text of the reply Jeeves posted there. */
    private static String post(String user, String text) throws Exception {
        String channel = "D0MARKUP" + CHANNELS.incrementAndGet();
        String event = SlackEvents.directMessage(SlackEvents.newEventId(), user, channel, text);
        SlackEvents.post(jeeves.uri(), event).then().statusCode(200);
        var posted = postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo(channel)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jeeves.slack().findAll(posted).size() == 1);
        JsonNode body =
                Json.MAPPER.readTree(jeeves.slack().findAll(posted).get(0).getBodyAsString());
        return body.path("text").asText();
    }
}
