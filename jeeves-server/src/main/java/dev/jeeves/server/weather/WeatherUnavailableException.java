package dev.jeeves.server.weather;

/**
 * The weather service cannot answer now (unreachable, failing, or its circuit open): what callers of
 * {@link WeatherService} handle, whatever the transport behind it. Users get a one-line apology; the log gets
 * this message.
 */
public final class WeatherUnavailableException extends RuntimeException {
    /** Creates the exception with its cause. */
    public WeatherUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
