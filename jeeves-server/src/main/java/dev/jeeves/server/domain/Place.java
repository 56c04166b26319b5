package dev.jeeves.server.domain;

import java.time.ZoneId;

/**
 * A place found by geocoding: what a user's location is stored as, and what a forecast is asked for.
 *
 * @param name the place's name, e.g. {@code Berlin}
 * @param country its country, e.g. {@code Germany} (may be empty for places in no country)
 * @param latitude degrees north
 * @param longitude degrees east
 * @param timeZone IANA time zone, e.g. {@code Europe/Berlin}; daily alerts are sent at local time there
 */
public record Place(String name, String country, double latitude, double longitude, ZoneId timeZone) {

    /** How people say the place: {@code Berlin, Germany}. */
    public String label() {
        return country.isEmpty() ? name : name + ", " + country;
    }
}
