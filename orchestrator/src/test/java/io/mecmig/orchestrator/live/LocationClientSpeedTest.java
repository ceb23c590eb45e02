package io.mecmig.orchestrator.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.orchestrator.UeObservation;
import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.UeSelection;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The Location API reports speed in km/h; the client hands the orchestrator metres per second. */
class LocationClientSpeedTest {

    @Test
    void speedIsReadInKilometresPerHourAndGivenInMetresPerSecond() {
        try (MecSandbox sandbox = MecSandbox.builder().bindAddress("127.0.0.1").paused()
                .ues(UeSelection.named(List.of("10.100.0.1", "10.10.0.1", "10.1.0.1"))).start()) {
            sandbox.control().step(5);
            LocationClient api = new LocationClient(sandbox.locationUrl());
            // 20 m/s = 72 km/h; 9 m/s = 32.4 km/h, reported as 32 (whole km/h).
            assertThat(api.user("10.100.0.1").orElseThrow().speedMps()).isCloseTo(20.0, Offset.offset(0.01));
            assertThat(api.user("10.10.0.1").orElseThrow().speedMps()).isCloseTo(9.0, Offset.offset(0.15));
            UeObservation still = api.user("10.1.0.1").orElseThrow();
            assertThat(still.speedMps()).isZero();
        }
    }
}
