package dev.jeeves.api;

import java.util.Objects;

/**
 * A value that must never reach a log: {@link #toString()} masks it, so printing a configuration or an exception
 * that mentions one is safe. Call {@link #reveal()} only where the value is used (signing, a header).
 *
 * <pre>{@code
 * Secret secret = Secret.of(System.getenv("JEEVES_SLACK_SIGNING_SECRET"));
 * System.out.println(secret);  // ********
 * }</pre>
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** Wraps a secret value. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret itself: use it, never log it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "********";
    }
}
