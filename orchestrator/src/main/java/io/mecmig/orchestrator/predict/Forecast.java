package io.mecmig.orchestrator.predict;

import java.time.Duration;
import java.util.List;

/**
 * Where a UE is expected to be served next: a sequence of visits starting with the current PoA.
 *
 * @param method which predictor made it, e.g. {@code route}, {@code cell-history}, {@code dead-reckoning}
 * @param visits the visits in time order; the first starts at zero
 * @param horizon how far ahead the prediction looked; the last visit ends there
 * @param basis what the prediction rests on, in words
 */
public record Forecast(String method, List<Visit> visits, Duration horizon, String basis) {

    public Forecast {
        visits = List.copyOf(visits);
        if (visits.isEmpty()) {
            throw new IllegalArgumentException("a forecast needs at least the current visit");
        }
    }
}
