package dev.jeeves.server.slack;

import dev.jeeves.server.support.Problems;
import io.helidon.http.Status;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * {@code POST /slack/events}: Slack's Events API. The body passes {@link SlackRequests} (signed by Slack), is read
 * by {@link SlackEnvelope}, the message is recorded with its answer to come by the {@link SlackReplyQueue} (a retry
 * of an accepted event is dropped, also while the first attempt still runs, after a restart and on another
 * instance), and the answer is 200 at once: the reply is work for the queue, which survives a crash.
 *
 * <pre>{@code
 * jeeves slack send "weather in Paris"   # signs and posts a genuine event_callback
 * }</pre>
 */
public final class SlackEventsService implements HttpService {
    private final SlackRequests requests;
    private final SlackReplyQueue replies;
    private final MeterRegistry meters;

    /** Creates the service. */
    public SlackEventsService(SlackRequests requests, SlackReplyQueue replies, MeterRegistry meters) {
        this.requests = requests;
        this.replies = replies;
        this.meters = meters;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::receive).any("/", Problems.onlyMethods("POST"));
    }

    private void receive(ServerRequest req, ServerResponse res) {
        switch (SlackEnvelope.parse(requests.genuineBody(req))) {
            case SlackEnvelope.UrlVerification check -> res.send(new Challenge(check.challenge()));
            case SlackEnvelope.Message message -> accept(message.message(), res);
            case SlackEnvelope.Ignored ignored -> {
                meters.getOrCreate(Counter.builder("jeeves.slack.events.ignored")
                                .description("Slack events not answered (bots, edits, other types)")
                                .tags(List.of(Tag.create("reason", ignored.reason()))))
                        .increment();
                res.status(Status.OK_200).send();
            }
        }
    }

    private void accept(SlackMessage message, ServerResponse res) {
        if (!replies.accept(message)) {
            count("jeeves.slack.events.duplicates", "Slack events dropped because their event_id was seen before");
            res.status(Status.OK_200).send();
            return;
        }
        count("jeeves.slack.events.accepted", "Slack events accepted for an answer");
        res.status(Status.OK_200).send();
    }

    private void count(String name, String description) {
        meters.getOrCreate(Counter.builder(name).description(description)).increment();
    }

    /** The answer to Slack's URL check. */
    record Challenge(String challenge) {}
}
