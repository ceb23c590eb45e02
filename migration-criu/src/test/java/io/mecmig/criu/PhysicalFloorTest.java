package io.mecmig.criu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PhysicalFloorTest {

    @Test
    void addsFrozenTimeTransferAtLinkRateAndRestore() {
        // 1.25 MB at 100 Mbit/s is 0.1 s.
        PhysicalFloor floor = new PhysicalFloor(0.2, 1_250_000, 100_000_000, 0.3);
        assertThat(floor.seconds()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(floor.ratio(Duration.ofMillis(900))).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(floor.describe(Duration.ofMillis(900))).contains("0.600 s", "1.50x");
    }

    @Test
    void anUnshapedLinkAddsNoTransferTerm() {
        assertThat(new PhysicalFloor(0.2, 5_000_000, 0, 0.3).seconds()).isCloseTo(0.5,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theRestoreCountsFromTheStartInsideTheDowntimeNotFromAStartHeldBeforeTheFreeze() {
        java.util.List<io.mecmig.core.StepTiming> steps = java.util.List.of(
                step("docker start, runc restore held before CRIU", 250, false),
                step("runc checkpoint (stops)", 400, true),
                step("stream page delta", 70, true),
                step("docker start (runc restore)", 600, true),
                step("await readiness", 10, true),
                step("verify state", 40, false));
        assertThat(PhysicalFloor.restoreToAnswer(steps)).isCloseTo(0.61, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static io.mecmig.core.StepTiming step(String name, long millis, boolean inDowntime) {
        return new io.mecmig.core.StepTiming(io.mecmig.core.Phase.RELOCATION, name, io.mecmig.core.Side.TARGET,
                java.time.Instant.EPOCH, Duration.ofMillis(millis), 0, inDowntime, true);
    }
}
