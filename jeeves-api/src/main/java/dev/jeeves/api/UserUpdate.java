package dev.jeeves.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * {@code PUT /api/users/{id}}: what to change. Each field has three states, as JSON has: left out ({@code null}
 * here) changes nothing, sent as {@code null} ({@link Optional#empty()}) clears it, sent with a value sets it.
 *
 * <pre>{@code
 * new UserUpdate(Optional.of("Ada"), null, Optional.empty())  // {"name":"Ada","location":null}
 * }</pre>
 *
 * @param name display name, at most {@link ApiLimits#MAX_NAME_LENGTH} characters
 * @param email email address
 * @param location a place name, looked up with geocoding before anything is stored
 */
@JsonClassDescription("a user")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserUpdate(Optional<String> name, Optional<String> email, Optional<String> location) {
    /** True when nothing would change. */
    public boolean changesNothing() {
        return name == null && email == null && location == null;
    }
}
