package dev.jeeves.api;

/**
 * A user's location as the API shows it.
 *
 * @param name the place, e.g. {@code Berlin}
 * @param country its country, e.g. {@code Germany} (empty for places in none)
 * @param latitude degrees north
 * @param longitude degrees east
 * @param timeZone the IANA time zone daily alerts follow, e.g. {@code Europe/Berlin}
 */
public record Location(String name, String country, double latitude, double longitude, String timeZone) {}
