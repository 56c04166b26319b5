package dev.jeeves.server;

import io.helidon.webserver.accesslog.AccessLogContext;
import io.helidon.webserver.accesslog.AccessLogEntry;
import io.helidon.webserver.accesslog.AccessLogFeature;
import io.helidon.webserver.accesslog.RequestLineLogEntry;
import io.helidon.webserver.accesslog.SizeLogEntry;
import io.helidon.webserver.accesslog.StatusLogEntry;
import io.helidon.webserver.accesslog.TimestampLogEntry;
import io.helidon.webserver.accesslog.UserIdLogEntry;
import io.helidon.webserver.accesslog.UserLogEntry;
import java.util.List;

/**
 * The access log: Common Log Format, as Helidon's {@code commonLogFormat()} writes it, but with a client address that
 * may be gone. Helidon's host entry asks the socket at the end of the request; a connection closed by then (a body
 * that missed its deadline) made it throw, and the request was logged as a failure with a stack trace instead of
 * once in the access log.
 */
final class AccessLog {
    private AccessLog() {}

    static AccessLogFeature feature() {
        return AccessLogFeature.builder()
                .entries(List.of(
                        AccessLog::host,
                        UserIdLogEntry.create(),
                        UserLogEntry.create(),
                        TimestampLogEntry.create(),
                        RequestLineLogEntry.create(),
                        StatusLogEntry.create(),
                        SizeLogEntry.create()))
                .build();
    }

    private static String host(AccessLogContext context) {
        try {
            return context.serverRequest().remotePeer().host();
        } catch (RuntimeException closed) {
            return AccessLogEntry.NOT_AVAILABLE;
        }
    }
}
