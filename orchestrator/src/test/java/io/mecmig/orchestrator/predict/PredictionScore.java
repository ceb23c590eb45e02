package io.mecmig.orchestrator.predict;

import io.mecmig.orchestrator.Traces;
import io.mecmig.orchestrator.UeObservation;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Replays a recorded trace through a predictor and scores it against what really happened next: at every tick
 * where the next PoA change is at most {@code within} seconds away, was the next PoA right, and was its time
 * right to {@code toleranceSeconds}?
 */
final class PredictionScore {

    int cases;
    int answered;
    int rightPoa;
    int rightPoaAndTime;

    static PredictionScore of(HandoverPredictor predictor, List<UeObservation> trace, long within, double toleranceSeconds) {
        PredictionScore s = new PredictionScore();
        MobilityHistory history = new MobilityHistory(1.0);
        for (int i = 0; i < trace.size(); i++) {
            UeObservation now = trace.get(i);
            history.add(now);
            Optional<Forecast> f = predictor.forecast(history);
            int next = nextChange(trace, i);
            if (next < 0) {
                break;
            }
            long inSeconds = Traces.tick(trace.get(next)) - Traces.tick(now);
            if (inSeconds > within) {
                continue;
            }
            s.cases++;
            if (f.isEmpty() || f.get().visits().size() < 2) {
                continue;
            }
            s.answered++;
            Visit second = f.get().visits().get(1);
            if (Objects.equals(second.accessPointId(), trace.get(next).accessPointId())) {
                s.rightPoa++;
                double predicted = second.from().toMillis() / 1000.0;
                if (Math.abs(predicted - inSeconds) <= toleranceSeconds) {
                    s.rightPoaAndTime++;
                }
            }
        }
        return s;
    }

    private static int nextChange(List<UeObservation> trace, int i) {
        for (int j = i + 1; j < trace.size(); j++) {
            if (!Objects.equals(trace.get(j).accessPointId(), trace.get(i).accessPointId())) {
                return j;
            }
        }
        return -1;
    }

    double poaRate() {
        return cases == 0 ? 0 : (double) rightPoa / cases;
    }

    double timedRate() {
        return cases == 0 ? 0 : (double) rightPoaAndTime / cases;
    }

    @Override
    public String toString() {
        return String.format("%d cases, %d answered, next PoA right %.0f %%, and its time %.0f %%", cases, answered,
                100 * poaRate(), 100 * timedRate());
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
