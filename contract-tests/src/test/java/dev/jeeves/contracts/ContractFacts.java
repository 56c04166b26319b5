package dev.jeeves.contracts;

/**
 * What the consumer tests and the provider verification agree on beforehand: the names of the parties, the
 * client credentials the provider is started with, the shape of a token. Only test values: none of these is a
 * real secret.
 */
final class ContractFacts {
    /** The server, provider of the CLI's and Slack's contracts. */
    static final String JEEVES_SERVER = "jeeves-server";
    /** The CLI, consumer of the server's API. */
    static final String JEEVES_CLI = "jeeves-cli";
    /** Slack as the caller of Jeeves' Events API endpoint. */
    static final String SLACK_EVENTS = "slack-events-api";
    /** Slack's Web API, which the server calls. */
    static final String SLACK_WEB_API = "slack-web-api";
    /** Open-Meteo's geocoding and forecast APIs, which the server calls. */
    static final String OPEN_METEO = "open-meteo";

    /** The admin client the provider is started with (written into its data directory before it starts). */
    static final String CLIENT_ID = "jeeves-admin";

    static final String CLIENT_SECRET = "contract-test-client-secret";

    /** A JWT as the server issues them: three base64url parts. */
    static final String JWT_PATTERN = "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";

    /** An example token that has the shape of one; the provider verification swaps in a real one. */
    static final String EXAMPLE_JWT =
            "eyJhbGciOiJSUzI1NiIsImtpZCI6ImV4YW1wbGUifQ.eyJzdWIiOiJqZWV2ZXMtYWRtaW4ifQ.ZXhhbXBsZS1zaWduYXR1cmU";

    /** A token the server never issued: it must be refused. */
    static final String STALE_TOKEN = "stale-token-from-an-old-server";

    /** The signing secret Slack's requests are signed with in the contract (the provider re-signs them). */
    static final String SLACK_SIGNING_SECRET = "contract-test-signing-secret";

    /** A signature that is deliberately wrong; the provider verification leaves it wrong. */
    static final String FORGED_SIGNATURE = "v0=" + "0".repeat(64);

    private ContractFacts() {}
}
