package io.mecmig.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mecmig.core.Downtime;
import io.mecmig.core.LinkProfile;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.Outcome;
import io.mecmig.core.Phase;
import io.mecmig.core.PhaseReport;
import io.mecmig.core.Side;
import io.mecmig.core.StepTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final List<StepTiming> steps = new ArrayList<>();
    private Instant clock = T0;

    private void step(String name, Side side, long millis, boolean inDowntime) {
        steps.add(new StepTiming(Phase.RELOCATION, name, side, clock, Duration.ofMillis(millis), 0, inDowntime, true));
        clock = clock.plusMillis(millis);
    }

    @Test
    void theDowntimePartsAddUpToThePapersDowntimeWithoutTheWaitForTheFirstAnswer() {
        step("tell the app", Side.SOURCE, 20, false);
        step("stop", Side.SOURCE, 400, true);
        step("tar volume", Side.SOURCE, 100, true);
        step("send volume", Side.LINK, 30, true);
        step("create volume", Side.TARGET, 150, true);
        step("run", Side.TARGET, 300, true);
        step("await readiness", Side.TARGET, 700, true);
        // stop .. run = 980 ms (the paper's downtime); .. answered = 1680 ms
        Downtime downtime = new Downtime(Duration.ofMillis(980), Duration.ofMillis(1680), null);
        MigrationReport report = new MigrationReport("m1", "uspa", "fccp", "meh-src", "meh-dst",
                LinkProfile.of("100mbit", 0), T0, null, new PhaseReport(Phase.RELOCATION, T0, Duration.ofMillis(1700),
                steps), downtime, Map.of(), null, null, Outcome.COMPLETED, null, null, List.of(), List.of());

        Map<String, Object> figures = Figures.of(report);

        double source = (Double) figures.get(Figures.DOWNTIME_SOURCE);
        double transfer = (Double) figures.get(Figures.DOWNTIME_TRANSFER);
        double target = (Double) figures.get(Figures.DOWNTIME_TARGET);
        assertThat(source).isCloseTo(0.5, within(1e-9));
        assertThat(transfer).isCloseTo(0.03, within(1e-9));
        assertThat(target).isCloseTo(0.45, within(1e-9));
        assertThat(source + transfer + target).isCloseTo((Double) figures.get(Figures.DOWNTIME_PAPER), within(1e-9));
        assertThat((Double) figures.get(Figures.DOWNTIME_UNTIL_READY)).isCloseTo(1.68, within(1e-9));
    }
}
