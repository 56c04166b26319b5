package dev.jeeves.server.replies;

/**
 * What became of one posted reply, as much as the caller needs to decide what to do next: done, give up, or try
 * again later.
 *
 * @param outcome the kind of outcome
 * @param detail why, for logs and {@code jeeves status} (empty when delivered)
 */
public record Delivery(Outcome outcome, String detail) {
    /** The kinds of outcome. */
    public enum Outcome {
        /** The reply reached its channel. */
        DELIVERED,
        /** The reply was refused for good (e.g. {@code channel_not_found}, no bot token): trying again cannot help. */
        REFUSED,
        /** The reply could not be delivered now (rate limits, 5xx, timeouts, after retrying): worth a later try. */
        UNAVAILABLE
    }

    private static final Delivery DELIVERED = new Delivery(Outcome.DELIVERED, "");

    /** The reply reached its channel. */
    public static Delivery delivered() {
        return DELIVERED;
    }

    /** Refused for good, saying why. */
    public static Delivery refused(String why) {
        return new Delivery(Outcome.REFUSED, why);
    }

    /** Not deliverable now, saying why. */
    public static Delivery unavailable(String why) {
        return new Delivery(Outcome.UNAVAILABLE, why);
    }

    /** True when the reply reached its channel. */
    public boolean isDelivered() {
        return outcome == Outcome.DELIVERED;
    }
}
