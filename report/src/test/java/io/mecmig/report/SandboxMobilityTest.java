package io.mecmig.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxMobilityTest {

    @Test
    void tableVFiguresComeFromTheMobilityEngine() {
        MobilityFigures f = SandboxMobility.monaco(Duration.ofMinutes(30));
        // Hosts per zone change less often than hosts per PoA, and no interval is shorter than a tick.
        assertThat(f.perZoneAverage()).isGreaterThan(f.perPoaAverage());
        assertThat(f.perPoaShortest()).isGreaterThanOrEqualTo(1.0).isLessThanOrEqualTo(f.perPoaAverage());
        assertThat(f.perZoneShortest()).isGreaterThanOrEqualTo(1.0).isLessThanOrEqualTo(f.perZoneAverage());
        assertThat(f.source()).contains("moving UEs").contains("1800 s");
    }
}
