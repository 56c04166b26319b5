package dev.jeeves.cli;

import dev.jeeves.api.ActionInfo;
import dev.jeeves.api.Location;
import dev.jeeves.api.MessageReply;
import dev.jeeves.api.ServerStatus;
import dev.jeeves.api.UserDetails;
import dev.jeeves.api.UserPage;
import dev.jeeves.api.UserSummary;
import dev.jeeves.api.UserUpdate;
import dev.jeeves.api.client.JeevesApi;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link JeevesApi} with canned answers that records what commands asked of it: no server, no network. */
final class FakeApi implements JeevesApi {
    final List<String> calls = new ArrayList<>();
    RuntimeException failure;
    UserUpdate lastUpdate;

    static final UserDetails ADA = new UserDetails(
            "U1",
            "Ada",
            null,
            new Location("Berlin", "Germany", 52.52, 13.41, "Europe/Berlin"),
            "2026-11-27T07:00:00Z",
            Map.of("units", "metric"),
            new UserDetails.Alert("06:30"));

    private void called(String call) {
        calls.add(call);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public URI server() {
        return URI.create("http://127.0.0.1:8080");
    }

    @Override
    public MessageReply ask(String user, String text) {
        called("ask " + user + " " + text);
        return new MessageReply("help", "Here is what I can do");
    }

    @Override
    public UserPage users(int limit, int offset) {
        called("users " + limit + " " + offset);
        return new UserPage(
                7,
                limit,
                offset,
                List.of(
                        new UserSummary("U1", "Ada", null, ADA.location(), ADA.createdAt()),
                        new UserSummary("U2", null, "bob@example.org", null, ADA.createdAt())));
    }

    @Override
    public UserDetails user(String id) {
        called("user " + id);
        return ADA;
    }

    @Override
    public UserDetails updateUser(String id, UserUpdate update) {
        called("updateUser " + id);
        lastUpdate = update;
        return ADA;
    }

    @Override
    public void deleteUser(String id) {
        called("deleteUser " + id);
    }

    @Override
    public List<ActionInfo> actions() {
        called("actions");
        return List.of(new ActionInfo("help", "help [action]", "Lists what I can do, or explains one action."));
    }

    @Override
    public ServerStatus status() {
        called("status");
        return new ServerStatus(
                "UP",
                "1.2.3",
                "2026-11-27T07:00:00Z",
                3_723,
                new ServerStatus.Database("H2", true),
                Map.of("open-meteo", "OPEN"),
                new ServerStatus.SlackReplies(2, 1));
    }

    @Override
    public String freshToken() {
        called("freshToken");
        return "eyJ.fresh.token";
    }

    @Override
    public int postSlackEvent(String body, String timestamp, String signature) {
        called("postSlackEvent " + timestamp + " " + signature + " " + body);
        return 200;
    }
}
