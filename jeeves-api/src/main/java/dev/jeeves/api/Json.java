package dev.jeeves.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The one Jackson mapper of the whole project: the server reads requests and writes replies with it (through
 * Helidon's Jackson media support), the client and the CLI read the replies with it. Thread-safe, configured once.
 *
 * <p>Strict, so that a client's mistake is answered rather than guessed at: an unknown field, a duplicate key,
 * trailing garbage, a number where a string belongs ({@code "user": 5}) and {@code null} for a number are errors.
 *
 * <pre>{@code
 * MessageRequest request = Json.MAPPER.readValue("{\"user\":\"U1\",\"text\":\"help\"}", MessageRequest.class);
 * }</pre>
 */
public final class Json {
    /** The mapper. */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // The server answers on virtual threads, for which Jackson's per-thread buffer pool keeps
                    // nothing: every reply allocated fresh buffers. One pool shared by all threads reuses them.
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                    .build())
            .addModule(new Jdk8Module().configureReadAbsentAsNull(true))
            .withCoercionConfig(
                    LogicalType.Textual,
                    strings -> strings.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private Json() {}
}
