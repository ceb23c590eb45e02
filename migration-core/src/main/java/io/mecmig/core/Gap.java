package io.mecmig.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time during which the app answered nobody.
 *
 * @param start the last answer before the gap
 * @param end the first answer after it
 */
public record Gap(Instant start, Instant end) {

    /**
     * How long the app answered nobody.
     *
     * @return from {@code start} to {@code end}
     */
    @JsonIgnore
    public Duration duration() {
        return Duration.between(start, end);
    }
}
