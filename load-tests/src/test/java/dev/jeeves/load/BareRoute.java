package dev.jeeves.load;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;

/**
 * The framework's ceiling: a bare Helidon SE route, from the same Helidon jars as Jeeves, that reads the request
 * body and answers a fixed JSON reply. Whatever Jeeves does beyond this (routing, token verification, the database,
 * JSON mapping, metrics) is what its throughput pays for; benchmarks and budgets divide by this one.
 *
 * <p>Also a program on its own, run straight from this source file by {@code .ci/throughput-benchmark}:
 *
 * <pre>{@code
 * java -cp 'jeeves-cli/target/libs/*' load-tests/src/test/java/dev/jeeves/load/BareRoute.java
 * Bare Helidon route at http://127.0.0.1:40123/api/messages
 * }</pre>
 */
public final class BareRoute {
    /** What every request gets, about the size of Jeeves' own replies. */
    public static final String REPLY = "{\"action\":\"help\",\"reply\":\"Here is what I can do: weather, location\"}";

    private BareRoute() {}

    /** Starts the route on loopback, on any free port. */
    // tag::route[]
    public static WebServer start() {
        return WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.post("/api/messages", (req, res) -> {
                    req.content().as(String.class);
                    res.header(HeaderNames.CONTENT_TYPE, "application/json").send(REPLY);
                }))
                .build()
                .start();
    }
    // end::route[]

    /** Runs the route until the process is stopped. */
    public static void main(String[] args) {
        WebServer server = start();
        System.out.println("Bare Helidon route at http://127.0.0.1:" + server.port() + "/api/messages");
    }
}
