package dev.jeeves.api.slack;

import dev.jeeves.api.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature, both ways: the server checks that a request really comes from Slack, and
 * {@code jeeves slack send} signs an event as Slack would. The signature is an HMAC-SHA256 of
 * {@code v0:<timestamp>:<raw body>} keyed with the app's signing secret; a timestamp more than five minutes from
 * now, in either direction, is refused (a replayed request, or one from the future).
 *
 * <pre>{@code
 * var signature = new SlackSignature(Secret.of(signingSecret), Clock.systemUTC());
 * SlackSignature.Headers headers = signature.sign(body);         // what Slack sends with the body
 * signature.check(headers.timestamp(), headers.signature(), body);  // Optional.empty(): genuine
 * }</pre>
 */
public final class SlackSignature {
    /** How far a request's timestamp may be from now. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    /** The header with the Unix time the request was signed at. */
    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    /** The header with the signature, {@code v0=<hex>}. */
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";

    private final Secret signingSecret;
    private final Clock clock;

    /** Creates the signature for one app's signing secret. */
    public SlackSignature(Secret signingSecret, Clock clock) {
        this.signingSecret = signingSecret;
        this.clock = clock;
    }

    /**
     * Checks one request.
     *
     * @param timestamp the {@code X-Slack-Request-Timestamp} header, Unix seconds
     * @param signature the {@code X-Slack-Signature} header, {@code v0=<hex>}
     * @param body the raw request body, exactly as received
     * @return empty when the request is genuine, else why it is not (safe to show the caller)
     */
    // tag::signature-check[]
    public Optional<String> check(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            return Optional.of("missing X-Slack-Request-Timestamp or X-Slack-Signature header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Optional.of("X-Slack-Request-Timestamp is not a number of seconds");
        }
        // Compared as seconds around now: any long is a valid header, and most are outside what an Instant holds.
        long now = clock.instant().getEpochSecond();
        if (seconds < now - TOLERANCE.toSeconds() || seconds > now + TOLERANCE.toSeconds()) {
            return Optional.of("request timestamp is more than 5 minutes from now");
        }
        byte[] expected = ("v0=" + hmac(timestamp.strip(), body)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.empty() : Optional.of("signature does not match");
    }
    // end::signature-check[]

    /** Signs a body now, as Slack does: the two headers to send with it. */
    public Headers sign(byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return new Headers(timestamp, "v0=" + hmac(timestamp, body));
    }

    /** The hex HMAC for a timestamp and body: what Slack puts after {@code v0=}. */
    public String hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        }
    }

    /**
     * The headers of a signed request.
     *
     * @param timestamp {@code X-Slack-Request-Timestamp}
     * @param signature {@code X-Slack-Signature}
     */
    public record Headers(String timestamp, String signature) {}
}
