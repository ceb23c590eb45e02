package io.mecmig.orchestrator.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.orchestrator.Traces;
import io.mecmig.orchestrator.UeObservation;
import io.mecmig.orchestrator.radio.RadioMap;
import io.mecmig.orchestrator.radio.ScenarioFile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each predictor replayed over mobility recorded from the sandbox, scored against what happened next. */
class PredictorsOnTracesTest {

    private static final ScenarioFile MONACO = ScenarioFile.monaco();
    private static final RadioMap MAP = MONACO.radioMap();

    @Test
    void routeAndVelocityPredictTheNextPoaAndItsTimeAlmostExactly() {
        for (String ue : List.of("10.100.0.1", "10.100.0.3", "10.10.0.1")) {
            RoutePredictor route = new RoutePredictor(MONACO.route(ue).orElseThrow(), MAP, MONACO.radios(ue), 120);

            PredictionScore score = PredictionScore.of(route, Traces.monaco(ue), 60, 1.0);

            System.out.println("route, UE " + ue + ": " + score);
            assertThat(score.cases).isGreaterThan(100);
            assertThat(score.timedRate()).as("UE %s: %s", ue, score).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void deadReckoningSeesTheNextPoaShortlyBeforeTheHandover() {
        for (String ue : List.of("10.100.0.1", "10.100.0.3")) {
            DeadReckoningPredictor dr = new DeadReckoningPredictor(MAP, MONACO.radios(ue), 30);

            PredictionScore score = PredictionScore.of(dr, Traces.monaco(ue), 5, 2.0);

            System.out.println("dead reckoning, UE " + ue + ": " + score);
            assertThat(score.poaRate()).as("UE %s: %s", ue, score).isGreaterThanOrEqualTo(0.85);
        }
    }

    @Test
    void cellHistoryLearnsARepeatedDrive() {
        // 10.100.0.3 drives its route back and forth; after the first round trip the cells repeat.
        List<UeObservation> trace = Traces.monaco("10.100.0.3");
        CellHistoryPredictor history = new CellHistoryPredictor(Duration.ofSeconds(240));

        PredictionScore wayOut = PredictionScore.of(history, trace.subList(0, 110), 30, 2.0);
        PredictionScore all = PredictionScore.of(history, trace, 30, 2.0);

        System.out.println("cell history, first 110 s: " + wayOut + "; all: " + all);
        assertThat(wayOut.answered).as("nothing to learn from on the way out").isLessThan(wayOut.cases / 4);
        assertThat(all.poaRate()).as(all.toString()).isGreaterThanOrEqualTo(0.7);
        assertThat(all.timedRate()).as(all.toString()).isGreaterThanOrEqualTo(0.7);
    }
}
