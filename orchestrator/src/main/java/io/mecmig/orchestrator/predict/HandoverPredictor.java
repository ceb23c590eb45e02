package io.mecmig.orchestrator.predict;

import java.util.Optional;

/** Predicts which PoAs will serve a UE next, and when, from what is known of its movement. */
public interface HandoverPredictor {

    /** A short name for reasons and reports. */
    String name();

    /** The forecast, or empty when this predictor has nothing to go on for this UE. */
    Optional<Forecast> forecast(MobilityHistory history);
}
