package dev.jeeves.server.storage;

import dev.jeeves.server.slack.SlackClient;

/** A storage class that reaches up into an adapter: what {@code LayersTest} must refuse. Never used. */
public final class WrongWayFixture {
    private WrongWayFixture() {}

    /** The wrong-way dependency. */
    public static Class<?> adapter() {
        return SlackClient.class;
    }
}
