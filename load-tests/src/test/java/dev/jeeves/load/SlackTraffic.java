package dev.jeeves.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jeeves.api.Json;
import dev.jeeves.api.Secret;
import dev.jeeves.api.slack.SlackSignature;
import dev.jeeves.stubs.SandboxStubs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slack's side of a load run: signed {@code event_callback}s, each a direct message in its own channel
 * ({@code DLOAD000042}) so every reply can be traced to its event, and now and then a retry of an event already
 * sent, as Slack retries when it thinks Jeeves was slow. After the run, {@link #verdict(String)} reads the Slack
 * stub's request journal and says whether every unique event got exactly one delivered reply.
 */
final class SlackTraffic {
    /** The verdict when nothing was lost and nothing doubled. */
    static final String EXACTLY_ONCE = "every event answered exactly once";

    private final SlackSignature signer;
    private final double retryShare;
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final List<String> sent = new ArrayList<>();

    /**
     * @param signingSecret the app's signing secret
     * @param retryShare the share of requests that are retries of an earlier event (0.05 for 5 %)
     */
    SlackTraffic(String signingSecret, double retryShare) {
        this.signer = new SlackSignature(Secret.of(signingSecret), Clock.systemUTC());
        this.retryShare = retryShare;
    }

    /** The channel of the n-th event. */
    static String channel(int n) {
        return "DLOAD%06d".formatted(n);
    }

    /**
     * The next request Slack would send: a new event, or (with the retry share) a retry of an earlier one.
     *
     * @return the session attributes: {@code body}, {@code timestamp}, {@code signature}, {@code retry} (0 for a
     *     first delivery, else the retry number)
     */
    Map<String, Object> next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body;
        int retry = 0;
        synchronized (sent) {
            if (!sent.isEmpty() && random.nextDouble() < retryShare) {
                body = sent.get(random.nextInt(sent.size()));
                retry = 1 + random.nextInt(3);
                retries.incrementAndGet();
            } else {
                body = event(sequence.incrementAndGet());
                sent.add(body);
            }
        }
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String signature = "v0=" + signer.hmac(timestamp, body.getBytes(StandardCharsets.UTF_8));
        return Map.of("body", body, "timestamp", timestamp, "signature", signature, "retry", retry);
    }

    /** How many distinct events were sent. */
    int uniqueEvents() {
        return sequence.get();
    }

    /** How many retries were sent. */
    int retries() {
        return retries.get();
    }

    /**
     * What the Slack stub's request journal says about the replies.
     *
     * @param delivered replies the stub accepted (HTTP 200), per channel
     * @param refused post attempts it answered with anything else (the injected faults)
     */
    record Replies(Map<String, Integer> delivered, long refused) {
        /** Reads the JSON of the stub's {@code /__admin/requests}, once. */
        static Replies from(String journal) {
            Map<String, Integer> delivered = new TreeMap<>();
            long refused = 0;
            try {
                for (JsonNode served : Json.MAPPER.readTree(journal).path("requests")) {
                    if (!served.path("request").path("url").asText().startsWith("/api/chat.postMessage")) {
                        continue;
                    }
                    if (served.path("response").path("status").asInt() != 200) {
                        refused++;
                        continue;
                    }
                    String channel = Json.MAPPER
                            .readTree(served.path("request").path("body").asText())
                            .path("channel")
                            .asText();
                    delivered.merge(channel, 1, Integer::sum);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Replies(delivered, refused);
        }
    }

    /** True once at least one reply per event has been delivered (the replies are sent asynchronously). */
    boolean settled(String journal) {
        return Replies.from(journal).delivered().size() >= uniqueEvents();
    }

    /** {@link #EXACTLY_ONCE}, or what went wrong: the events never answered and those answered twice. */
    String verdict(String journal) {
        Replies replies = Replies.from(journal);
        Map<String, Integer> delivered = replies.delivered();
        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        for (int n = 1; n <= uniqueEvents(); n++) {
            int count = delivered.getOrDefault(channel(n), 0);
            if (count == 0) {
                lost.add(channel(n));
            } else if (count > 1) {
                doubled.add(channel(n) + " x" + count);
            }
        }
        int total = delivered.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                "Delivered-once check: %d unique events, %d retries sent, %d replies delivered, %d post attempts"
                        + " refused by the stub, %d lost, %d doubled%n",
                uniqueEvents(), retries(), total, replies.refused(), lost.size(), doubled.size());
        if (lost.isEmpty() && doubled.isEmpty()) {
            return EXACTLY_ONCE;
        }
        return "lost " + lost.size() + " " + head(lost) + ", doubled " + doubled.size() + " " + head(doubled);
    }

    private static List<String> head(List<String> list) {
        return list.subList(0, Math.min(5, list.size()));
    }

    private static String event(int n) {
        String city = SandboxStubs.CITIES.get(n % SandboxStubs.CITIES.size());
        String text = n % 4 == 0 ? "help" : "weather in " + city;
        return """
                {"token":"load","team_id":"T0LOAD","api_app_id":"A0JEEVES","type":"event_callback",\
                "event_id":"EvLOAD%06d","event_time":%d,"event":{"type":"message","channel_type":"im",\
                "user":"U0LOAD%03d","text":"%s","ts":"1700000000.%06d","channel":"%s"}}""".formatted(n, System.currentTimeMillis() / 1000, n % 100, text, n, channel(n));
    }
}
