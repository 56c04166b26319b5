package dev.jeeves.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jeeves.api.Json;
import dev.jeeves.api.MessageReply;
import dev.jeeves.server.JeevesServices;
import io.helidon.common.GenericType;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.WritableHeaders;
import io.helidon.http.media.EntityWriter;
import io.helidon.http.media.InstanceWriter;
import io.helidon.http.media.MediaSupport;
import io.helidon.http.media.jackson.JacksonSupport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A JSON reply leaves in one piece, with its length; a reply whose route chose its content type still streams. */
class InMemoryJsonTest {
    record Reply(String action, String reply) {}

    private final InMemoryJson json = new InMemoryJson(JacksonSupport.create(Json.MAPPER), Json.MAPPER);

    @Test
    void writesAReplyInOnePieceWithItsLengthAndType() {
        WritableHeaders<?> headers = WritableHeaders.create();
        EntityWriter<Reply> writer = writer(GenericType.create(Reply.class), headers);

        assertThat(writer.supportsInstanceWriter()).isTrue();
        InstanceWriter reply = writer.instanceWriter(
                GenericType.create(Reply.class), new Reply("help", "Grüße"), WritableHeaders.create(), headers);
        assertThat(reply.alwaysInMemory()).isTrue();
        assertThat(new String(reply.instanceBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"action\":\"help\",\"reply\":\"Grüße\"}");
        assertThat(reply.contentLength()).hasValue(reply.instanceBytes().length);
        assertThat(headers.get(HeaderNames.CONTENT_TYPE).get()).isEqualTo("application/json");
    }

    @Test
    void writesAGenericListAsItsDeclaredType() {
        GenericType<List<Reply>> type = new GenericType<>() {};
        WritableHeaders<?> headers = WritableHeaders.create();
        InstanceWriter reply = writer(type, headers)
                .instanceWriter(type, List.of(new Reply("a", "b")), WritableHeaders.create(), headers);
        assertThat(new String(reply.instanceBytes(), StandardCharsets.UTF_8))
                .isEqualTo("[{\"action\":\"a\",\"reply\":\"b\"}]");
    }

    @Test
    void leavesAReplyWhoseRouteChoseItsContentTypeToTheStreamingWriter() {
        WritableHeaders<?> headers = WritableHeaders.create();
        headers.set(HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-16"));
        assertThat(writer(GenericType.create(Reply.class), headers).supportsInstanceWriter())
                .isFalse();
    }

    @Test
    void isHowTheServerWritesItsReplies() {
        WritableHeaders<?> headers = WritableHeaders.create();
        EntityWriter<MessageReply> writer = JeevesServices.mediaContext()
                .writer(GenericType.create(MessageReply.class), WritableHeaders.create(), headers);
        assertThat(writer.supportsInstanceWriter()).isTrue();
    }

    @Test
    void writesTheSameBytesWhetherStreamedOrInOnePiece() {
        Reply value = new Reply("help", "Grüße");
        WritableHeaders<?> headers = WritableHeaders.create();
        EntityWriter<Reply> writer = writer(GenericType.create(Reply.class), headers);
        ByteArrayOutputStream inOnePiece = new ByteArrayOutputStream();
        writer.instanceWriter(GenericType.create(Reply.class), value, WritableHeaders.create(), headers)
                .write(inOnePiece);
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        writer.write(GenericType.create(Reply.class), value, streamed, WritableHeaders.create(), headers);
        ByteArrayOutputStream streamedByAClient = new ByteArrayOutputStream();
        writer.write(GenericType.create(Reply.class), value, streamedByAClient, WritableHeaders.create());

        String expected = "{\"action\":\"help\",\"reply\":\"Grüße\"}";
        assertThat(inOnePiece.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(streamed.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(streamedByAClient.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void readsAndWritesForClientsAsJacksonDoes() {
        WritableHeaders<?> json = WritableHeaders.create();
        json.set(HeaderValues.CONTENT_TYPE_JSON);
        byte[] body = "{\"action\":\"a\",\"reply\":\"b\"}".getBytes(StandardCharsets.UTF_8);
        GenericType<Reply> type = GenericType.create(Reply.class);

        assertThat(this.json.reader(type, json).supplier().get().read(type, new ByteArrayInputStream(body), json))
                .isEqualTo(new Reply("a", "b"));
        assertThat(this.json
                        .reader(type, WritableHeaders.create(), json)
                        .supplier()
                        .get()
                        .read(type, new ByteArrayInputStream(body), json))
                .isEqualTo(new Reply("a", "b"));
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        this.json.writer(type, WritableHeaders.create()).supplier().get().write(type, new Reply("a", "b"), sent, json);
        assertThat(sent.toByteArray()).isEqualTo(body);
    }

    @Test
    void namesItselfAfterTheSupportItWraps() {
        MediaSupport jackson = JacksonSupport.create(Json.MAPPER);
        assertThat(json.name()).isEqualTo("in-memory-" + jackson.name());
        assertThat(json.type()).isEqualTo("in-memory-" + jackson.type());
    }

    private <T> EntityWriter<T> writer(GenericType<T> type, WritableHeaders<?> responseHeaders) {
        MediaSupport.WriterResponse<T> response = json.writer(type, WritableHeaders.create(), responseHeaders);
        assertThat(response.support()).isNotEqualTo(MediaSupport.SupportLevel.NOT_SUPPORTED);
        return response.supplier().get();
    }
}
