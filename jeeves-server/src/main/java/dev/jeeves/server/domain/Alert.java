package dev.jeeves.server.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * A user's daily weather alert.
 *
 * @param userId whose alert
 * @param localTime when to send it, in the time zone of the user's location
 * @param lastSentDate the local date it was last sent on, if ever
 * @param location the user's location (alerts need one), if still set
 */
public record Alert(String userId, LocalTime localTime, Optional<LocalDate> lastSentDate, Optional<Place> location) {}
