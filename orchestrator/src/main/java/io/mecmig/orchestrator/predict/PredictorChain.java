package io.mecmig.orchestrator.predict;

import java.util.List;
import java.util.Optional;

/**
 * Asks predictors in order of trust and takes the first forecast: typically the route (exact when the UE is
 * on it), then the cell history (good once the UE repeats itself), then dead reckoning (always available, short
 * sighted).
 */
public final class PredictorChain implements HandoverPredictor {

    private final List<HandoverPredictor> predictors;

    public PredictorChain(List<HandoverPredictor> predictors) {
        this.predictors = List.copyOf(predictors);
    }

    @Override
    public String name() {
        return "chain";
    }

    @Override
    public Optional<Forecast> forecast(MobilityHistory history) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        for (HandoverPredictor p : predictors) {
            Optional<Forecast> f = p.forecast(history);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }
}
