package dev.jeeves.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.jeeves.api.ApiLimits;
import dev.jeeves.api.Json;
import dev.jeeves.api.MessageReply;
import dev.jeeves.api.UserDetails;
import dev.jeeves.api.UserPage;
import org.junit.jupiter.api.Test;

/**
 * The document the functional suite is held to, checked against the API's own records: what the server writes
 * passes, and a reply that drifted from the document does not (so the suite's check can fail).
 */
class OpenApiContractTest {
    static ValidationReport response(String path, Request.Method method, int status, Object body) throws Exception {
        return OpenApiContract.VALIDATOR.validateResponse(
                path,
                method,
                SimpleResponse.Builder.status(status)
                        .withContentType("application/json")
                        .withBody(Json.MAPPER.writeValueAsString(body))
                        .build());
    }

    @Test
    void theRecordsTheServerWritesMatchTheDocument() throws Exception {
        assertThat(response("/api/messages", Request.Method.POST, 200, new MessageReply("help", "Hello"))
                        .getMessages())
                .isEmpty();
        UserDetails bare = new UserDetails("U1", null, null, null, "2026-11-29T12:00:00Z", java.util.Map.of(), null);
        assertThat(response("/api/users/U1", Request.Method.GET, 200, bare).getMessages())
                .isEmpty();
        UserPage empty = new UserPage(0, ApiLimits.DEFAULT_PAGE_SIZE, 0, java.util.List.of());
        assertThat(response("/api/users", Request.Method.GET, 200, empty).getMessages())
                .isEmpty();
    }

    @Test
    void aReplyThatDriftedFromTheDocumentIsCaught() throws Exception {
        record Renamed(String action, String answer) {}
        ValidationReport report = response("/api/messages", Request.Method.POST, 200, new Renamed("help", "Hello"));
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.getMessages().toString()).contains("reply");
    }

    @Test
    void aStatusTheDocumentDoesNotListIsCaught() throws Exception {
        assertThat(response("/api/actions", Request.Method.GET, 418, java.util.List.of())
                        .hasErrors())
                .isTrue();
    }
}
