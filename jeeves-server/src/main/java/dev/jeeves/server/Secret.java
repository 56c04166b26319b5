package dev.jeeves.server;

import java.util.Objects;

/**
 * A configuration value that must never reach a log: {@link #toString()} masks it, so printing a
 * {@link JeevesConfig} or an exception that mentions one is safe. Call {@link #reveal()} only where the value
 * is actually used (signing, the Authorization header).
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
