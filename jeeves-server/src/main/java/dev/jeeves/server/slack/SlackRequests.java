package dev.jeeves.server.slack;

import dev.jeeves.api.slack.SlackSignature;
import dev.jeeves.server.support.ProblemException;
import dev.jeeves.server.support.RequestBodies;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.util.Map;
import java.util.Optional;

/**
 * The gate in front of {@code /slack/events}: the raw body, only when Slack signed it. Without a signing secret
 * configured, every request is refused with 503 (Slack retries, and the operator sees why in the answer).
 */
public final class SlackRequests {
    /** Slack's bodies are small; anything larger is refused with 413. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final HeaderName TIMESTAMP = HeaderNames.create(SlackSignature.TIMESTAMP_HEADER);
    private static final HeaderName SIGNATURE = HeaderNames.create(SlackSignature.SIGNATURE_HEADER);

    private final Optional<SlackSignature> signature;
    private final RequestBodies bodies;

    /**
     * Creates the gate.
     *
     * @param signature checks signatures; empty when no signing secret is configured
     */
    public SlackRequests(Optional<SlackSignature> signature, RequestBodies bodies) {
        this.signature = signature;
        this.bodies = bodies;
    }

    /**
     * The request's raw body, exactly as received.
     *
     * @throws ProblemException 503 without a signing secret, 413 when too large, 401 when not signed by Slack
     */
    public byte[] genuineBody(ServerRequest req) {
        SlackSignature check = signature.orElseThrow(() -> new ProblemException(
                Status.SERVICE_UNAVAILABLE_503,
                "Slack events are disabled: set JEEVES_SLACK_SIGNING_SECRET to your Slack app's signing secret"));
        byte[] body = bodies.read(req, MAX_BODY_BYTES);
        check.check(
                        req.headers().first(TIMESTAMP).orElse(null),
                        req.headers().first(SIGNATURE).orElse(null),
                        body)
                .ifPresent(reason -> {
                    throw new ProblemException(
                            Status.UNAUTHORIZED_401,
                            "not a genuine Slack request: " + reason,
                            Map.of("WWW-Authenticate", "Slack-Signature"));
                });
        return body;
    }
}
