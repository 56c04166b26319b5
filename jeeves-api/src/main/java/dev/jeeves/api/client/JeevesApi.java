package dev.jeeves.api.client;

import dev.jeeves.api.ActionInfo;
import dev.jeeves.api.MessageReply;
import dev.jeeves.api.ServerStatus;
import dev.jeeves.api.UserDetails;
import dev.jeeves.api.UserPage;
import dev.jeeves.api.UserUpdate;
import java.net.URI;
import java.util.List;

/**
 * What a client can ask of a Jeeves server, one method per API call. {@link JeevesClient} is the real one, over
 * HTTP; the CLI's command tests pass a fake. Every method fails with an {@link ApiException} that says why.
 *
 * <pre>{@code
 * JeevesApi api = new JeevesClient(URI.create("http://127.0.0.1:8080"), tokens);
 * api.users(50, 0).users().forEach(user -> System.out.println(user.id()));
 * }</pre>
 */
public interface JeevesApi {
    /** The server this client talks to. */
    URI server();

    /** {@code POST /api/messages}: Jeeves' reply to a message from {@code user}. */
    MessageReply ask(String user, String text);

    /** {@code GET /api/users}: one page of users, oldest first. */
    UserPage users(int limit, int offset);

    /** {@code GET /api/users/{id}}. */
    UserDetails user(String id);

    /** {@code PUT /api/users/{id}}: creates the user or changes the fields the update gives. */
    UserDetails updateUser(String id, UserUpdate update);

    /** {@code DELETE /api/users/{id}}. */
    void deleteUser(String id);

    /** {@code GET /api/actions}. */
    List<ActionInfo> actions();

    /** {@code GET /api/status}. */
    ServerStatus status();

    /** A fresh access token from {@code POST /oauth/token} (not a cached one). */
    String freshToken();

    /**
     * {@code POST /slack/events} with a body and Slack's signature headers, as Slack sends them.
     *
     * @return the HTTP status the server answered (2xx; anything else is an {@link ApiException})
     */
    int postSlackEvent(String body, String timestamp, String signature);
}
