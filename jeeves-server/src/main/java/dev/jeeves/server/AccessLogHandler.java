package dev.jeeves.server;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * Writes the access log to standard output: one Common Log Format line per request, as Helidon's access log makes
 * it, nothing added. Why not the console handler the other loggers share: it formats every record with {@code
 * String.format} and finds the caller by walking the stack, which for a line per request cost a quarter of an API
 * call's CPU time (see the Performance page). Each line is flushed at once, so it shows as the request ends.
 *
 * <p>Set up in {@code logging.properties}:
 *
 * <pre>{@code
 * io.helidon.webserver.AccessLog.handlers=dev.jeeves.server.AccessLogHandler
 * io.helidon.webserver.AccessLog.useParentHandlers=false
 * }</pre>
 */
public final class AccessLogHandler extends StreamHandler {
    /** Creates the handler on {@code System.out}; JUL calls this when it reads the configuration. */
    public AccessLogHandler() {
        super(System.out, new LineFormatter());
    }

    @Override
    public void publish(LogRecord record) {
        super.publish(record);
        flush();
    }

    /** Flushes only: standard output is not this handler's to close. */
    @Override
    public void close() {
        flush();
    }

    /** The message as it is, then a line separator. */
    static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record) + System.lineSeparator();
        }
    }
}
