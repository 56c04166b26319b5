package dev.jeeves.server.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jeeves.server.support.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which Slack events Jeeves answers, and how it reads them: every rule, without HTTP or a signature. */
class SlackEnvelopeTest {
    static SlackEnvelope parse(String json) {
        return SlackEnvelope.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    static String callback(String event) {
        return "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":" + event + "}";
    }

    static SlackMessage message(String event) {
        SlackEnvelope envelope = parse(callback(event));
        assertThat(envelope).isInstanceOf(SlackEnvelope.Message.class);
        return ((SlackEnvelope.Message) envelope).message();
    }

    static void ignored(String event) {
        assertThat(parse(callback(event))).isEqualTo(new SlackEnvelope.Ignored("not_for_jeeves"));
    }

    @Test
    void readsUrlVerificationsChallenge() {
        assertThat(parse("{\"type\":\"url_verification\",\"challenge\":\"3eZbrw1a\"}"))
                .isEqualTo(new SlackEnvelope.UrlVerification("3eZbrw1a"));
    }

    @Test
    void refusesAUrlVerificationWithoutAStringChallenge() {
        assertThatThrownBy(() -> parse("{\"type\":\"url_verification\",\"challenge\":7}"))
                .isInstanceOf(ProblemException.class)
                .hasMessage("url_verification needs a string \"challenge\"");
    }

    // tag::mention[]
    @Test
    void answersAMentionInItsOwnThreadWithoutTheMention() {
        SlackMessage mention = message(
                "{\"type\":\"app_mention\",\"user\":\"U1\",\"channel\":\"C1\",\"text\":\"<@U0JEEVES> weather in Paris\","
                        + "\"ts\":\"1700000000.000100\"}");
        assertThat(mention)
                .isEqualTo(new SlackMessage("Ev1", "U1", "C1", "weather in Paris", Optional.of("1700000000.000100")));
    }
    // end::mention[]

    @Test
    void answersAMentionInsideAThreadInThatThread() {
        SlackMessage reply = message(
                "{\"type\":\"app_mention\",\"user\":\"U1\",\"channel\":\"C1\","
                        + "\"text\":\"<@U0JEEVES|jeeves>: help\",\"ts\":\"1700000000.000300\",\"thread_ts\":\"1700000000.000100\"}");
        assertThat(reply.threadTs()).contains("1700000000.000100");
        assertThat(reply.text()).isEqualTo("help");
    }

    @Test
    void answersAMentionWithoutATimestampOutsideAnyThread() {
        SlackMessage mention =
                message("{\"type\":\"app_mention\",\"user\":\"U1\",\"channel\":\"C1\",\"text\":\"help\"}");
        assertThat(mention.threadTs()).isEmpty();
    }

    @Test
    void answersADirectMessageOutsideAnyThread() {
        SlackMessage direct =
                message("{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U1\",\"channel\":\"D1\","
                        + "\"text\":\"help\",\"ts\":\"1700000000.000200\"}");
        assertThat(direct.threadTs()).isEmpty();
        assertThat(direct.channel()).isEqualTo("D1");
    }

    @Test
    void ignoresBots() {
        ignored("{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U1\",\"channel\":\"D1\",\"text\":\"hi\","
                + "\"bot_id\":\"B1\"}");
    }

    @Test
    void ignoresEditsDeletionsAndOtherSubtypes() {
        ignored("{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U1\",\"channel\":\"D1\",\"text\":\"hi\","
                + "\"subtype\":\"message_changed\"}");
    }

    @Test
    void ignoresChannelMessagesThatDoNotMentionJeeves() {
        ignored(
                "{\"type\":\"message\",\"channel_type\":\"channel\",\"user\":\"U1\",\"channel\":\"C1\",\"text\":\"hi\"}");
    }

    @Test
    void ignoresEventsWithoutAUserOrAChannel() {
        ignored("{\"type\":\"app_mention\",\"channel\":\"C1\",\"text\":\"<@U0JEEVES> hi\"}");
        ignored("{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\"<@U0JEEVES> hi\"}");
    }

    @Test
    void ignoresOtherEnvelopeTypes() {
        assertThat(parse("{\"type\":\"app_rate_limited\"}")).isEqualTo(new SlackEnvelope.Ignored("unsupported_type"));
    }

    @Test
    void refusesAnEventCallbackWithoutAnEventIdOrEvent() {
        assertThatThrownBy(() -> parse("{\"type\":\"event_callback\",\"event\":{}}"))
                .hasMessage("event_callback needs an \"event_id\" and an \"event\" object");
        assertThatThrownBy(() -> parse("{\"type\":\"event_callback\",\"event_id\":\"Ev1\"}"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> parse("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":\"message\"}"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        assertThatThrownBy(() -> parse("[1]")).hasMessage("the body must be a JSON object");
        assertThatThrownBy(() -> parse("{\"type\":")).hasMessageStartingWith("malformed JSON at line 1");
    }

    @Test
    void readsAMessagesTextAsItsUserTypedIt() {
        SlackMessage message = message("{\"type\":\"app_mention\",\"user\":\"U1\",\"channel\":\"C1\","
                + "\"text\":\"<@U0JEEVES> config set note fish &amp; chips &lt;3\",\"ts\":\"1.2\"}");
        assertThat(message.text()).isEqualTo("config set note fish & chips <3");
    }
}
