package dev.jeeves.api.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jeeves.api.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackSignatureTest {
    // Slack's documented example ("Verifying requests from Slack").
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TIMESTAMP = "1531420618";
    static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
                    + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
                    + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands"
                    + "%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                    + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
            .getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    static SlackSignature verifierAt(long epochSecond) {
        return new SlackSignature(Secret.of(SECRET), Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    // tag::slack-vector[]
    @Test
    void acceptsSlacksDocumentedExample() {
        assertThat(verifierAt(1531420618L).check(TIMESTAMP, SIGNATURE, BODY)).isEmpty();
    }
    // end::slack-vector[]

    // tag::five-minute-window[]
    @Test
    void acceptsATimestampUpToFiveMinutesEitherWay() {
        assertThat(verifierAt(1531420618L + 300).check(TIMESTAMP, SIGNATURE, BODY))
                .isEmpty();
        assertThat(verifierAt(1531420618L - 300).check(TIMESTAMP, SIGNATURE, BODY))
                .isEmpty();
    }

    @Test
    void rejectsAStaleTimestamp() {
        assertThat(verifierAt(1531420618L + 301).check(TIMESTAMP, SIGNATURE, BODY))
                .hasValueSatisfying(reason -> assertThat(reason).contains("5 minutes"));
    }

    @Test
    void rejectsATimestampFromTheFuture() {
        // Slack's own Bolt only checks the past.
        assertThat(verifierAt(1531420618L - 301).check(TIMESTAMP, SIGNATURE, BODY))
                .isPresent();
    }
    // end::five-minute-window[]

    @Test
    void rejectsATamperedBody() {
        byte[] tampered = BODY.clone();
        tampered[0] = 'T';
        assertThat(verifierAt(1531420618L).check(TIMESTAMP, SIGNATURE, tampered))
                .contains("signature does not match");
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        String forged =
                "v0=" + new SlackSignature(Secret.of("not-the-secret"), Clock.systemUTC()).hmac(TIMESTAMP, BODY);
        assertThat(verifierAt(1531420618L).check(TIMESTAMP, forged, BODY)).contains("signature does not match");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "-9223372036854775808", // Long.MIN_VALUE: no Instant holds it
                "9223372036854775807",
                "-31557014167219200", // Instant.MIN's second minus one
                "31556889864403200", // Instant.MAX's second plus one
                "0",
                "-1"
            })
    void rejectsATimestampOutsideEveryRangeAsStaleWithoutFailing(String timestamp) {
        assertThat(verifierAt(1531420618L).check(timestamp, SIGNATURE, BODY))
                .contains("request timestamp is more than 5 minutes from now");
    }

    @Test
    void rejectsMissingOrMalformedHeaders() {
        SlackSignature verifier = verifierAt(1531420618L);
        assertThat(verifier.check(null, SIGNATURE, BODY)).isPresent();
        assertThat(verifier.check(TIMESTAMP, null, BODY)).isPresent();
        assertThat(verifier.check("yesterday", SIGNATURE, BODY))
                .hasValueSatisfying(r -> assertThat(r).contains("not a number"));
    }

    @Test
    void signsLikeSlacksOwnSdk() {
        var slack = new com.slack.api.app_backend.SlackSignature.Generator(SECRET);
        String body = "{\"type\":\"url_verification\",\"challenge\":\"abc\"}";
        assertThat("v0=" + verifierAt(0).hmac("1700000000", body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(slack.generate("1700000000", body));
    }

    @Test
    void signsARequestNowSoThatTheCheckAcceptsIt() {
        byte[] body = "{\"type\":\"event_callback\"}".getBytes(StandardCharsets.UTF_8);
        SlackSignature.Headers headers = verifierAt(1_700_000_000L).sign(body);
        assertThat(headers.timestamp()).isEqualTo("1700000000");
        assertThat(verifierAt(1_700_000_060L).check(headers.timestamp(), headers.signature(), body))
                .isEmpty();
    }
}
