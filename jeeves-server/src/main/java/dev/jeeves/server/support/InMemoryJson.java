package dev.jeeves.server.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.common.GenericType;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.WritableHeaders;
import io.helidon.http.media.EntityWriter;
import io.helidon.http.media.InstanceWriter;
import io.helidon.http.media.MediaContext;
import io.helidon.http.media.MediaSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * Helidon's Jackson support, except that a JSON reply is serialized in one piece, to a byte array, and sent with its
 * length. Helidon's own writer streams every reply through a fresh 8 KiB buffer onto the response's output stream:
 * for replies of a hundred bytes that buffer was a fifth of everything Ask allocated (the Performance page). A reply
 * whose content type a route set itself goes the streaming way, in that type's charset.
 *
 * <pre>{@code
 * MediaContext.builder().addMediaSupport(new InMemoryJson(JacksonSupport.create(Json.MAPPER), Json.MAPPER)).build();
 * }</pre>
 */
// tag::in-memory-json[]
public final class InMemoryJson implements MediaSupport {
    private final MediaSupport jackson;
    private final ObjectMapper mapper;

    /** Jackson's support for everything but server replies, which {@code mapper} writes in one piece. */
    public InMemoryJson(MediaSupport jackson, ObjectMapper mapper) {
        this.jackson = jackson;
        this.mapper = mapper;
    }

    @Override
    public <T> WriterResponse<T> writer(
            GenericType<T> type, Headers requestHeaders, WritableHeaders<?> responseHeaders) {
        WriterResponse<T> streaming = jackson.writer(type, requestHeaders, responseHeaders);
        if (streaming.support() == SupportLevel.NOT_SUPPORTED || responseHeaders.contains(HeaderNames.CONTENT_TYPE)) {
            return streaming;
        }
        return new WriterResponse<>(
                streaming.support(), () -> new OnePiece<>(streaming.supplier().get()));
    }
    // end::in-memory-json[]

    @Override
    public void init(MediaContext context) {
        jackson.init(context);
    }

    @Override
    public <T> ReaderResponse<T> reader(GenericType<T> type, Headers requestHeaders) {
        return jackson.reader(type, requestHeaders);
    }

    @Override
    public <T> ReaderResponse<T> reader(GenericType<T> type, Headers requestHeaders, Headers responseHeaders) {
        return jackson.reader(type, requestHeaders, responseHeaders);
    }

    @Override
    public <T> WriterResponse<T> writer(GenericType<T> type, WritableHeaders<?> requestHeaders) {
        return jackson.writer(type, requestHeaders);
    }

    @Override
    public String name() {
        return "in-memory-" + jackson.name();
    }

    @Override
    public String type() {
        return "in-memory-" + jackson.type();
    }

    /** Writes a reply as one byte array; the streaming writer stays for the interfaces that still stream. */
    private final class OnePiece<T> implements EntityWriter<T> {
        private final EntityWriter<T> streaming;

        OnePiece(EntityWriter<T> streaming) {
            this.streaming = streaming;
        }

        @Override
        public boolean supportsInstanceWriter() {
            return true;
        }

        @Override
        public InstanceWriter instanceWriter(
                GenericType<T> type, T object, Headers requestHeaders, WritableHeaders<?> responseHeaders) {
            byte[] json;
            try {
                json = mapper.writerFor(mapper.constructType(type.type())).writeValueAsBytes(object);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("cannot write " + type.type().getTypeName() + " as JSON", e);
            }
            responseHeaders.setIfAbsent(HeaderValues.CONTENT_TYPE_JSON);
            return new InstanceWriter() {
                @Override
                public OptionalLong contentLength() {
                    return OptionalLong.of(json.length);
                }

                @Override
                public boolean alwaysInMemory() {
                    return true;
                }

                @Override
                public void write(OutputStream stream) {
                    try {
                        stream.write(json);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public byte[] instanceBytes() {
                    return json;
                }
            };
        }

        @Override
        public void write(
                GenericType<T> type,
                T object,
                OutputStream stream,
                Headers requestHeaders,
                WritableHeaders<?> responseHeaders) {
            streaming.write(type, object, stream, requestHeaders, responseHeaders);
        }

        @Override
        public void write(GenericType<T> type, T object, OutputStream stream, WritableHeaders<?> headers) {
            streaming.write(type, object, stream, headers);
        }
    }
}
