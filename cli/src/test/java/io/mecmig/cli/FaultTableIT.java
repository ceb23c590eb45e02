package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.cli.faults.FaultCase;
import io.mecmig.cli.faults.FaultResult;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The lean part of the fault table that CI runs (the whole table is {@code ./mecmig faults}): the migrating
 * process killed mid-relocation and {@code mecmig recover} run after it, as real processes; and the source
 * container crashing while CRIU dumps it. After each, the app serves from exactly one host, its state intact.
 */
@Tag("docker")
class FaultTableIT {

    private static TestbedFaultMatrix cells;

    @BeforeAll
    static void up() {
        cells = new TestbedFaultMatrix("uspa");
    }

    @AfterAll
    static void down() {
        if (cells != null) {
            cells.close();
        }
    }

    /** Recover also removes the images the killed migration made: none is left once the cell removed the app. */
    @Test
    void aKilledOrchestratorsMigrationIsFinishedOrRolledBackByRecover() {
        List<String> imagesBefore = cells.migrationImages();

        FaultResult r = cells.run(FaultCase.ORCHESTRATOR_KILLED, "fccp");

        assertThat(r.what()).contains("migrate killed (SIGKILL) at");
        assertThat(r.outcome()).isIn("RECOVERED:FINISHED", "RECOVERED:ROLLED_BACK");
        assertThat(r.servingHosts()).as(r.what()).isEqualTo(1);
        assertThat(r.stateKept()).as(r.what()).isTrue();
        assertThat(cells.migrationImages()).as("migration images left (%s)", r.what())
                .isSubsetOf(imagesBefore);
    }

    @Test
    void aSourceContainerCrashingMidCheckpointLeavesTheAppServingWithItsState() {
        FaultResult r = cells.run(FaultCase.SOURCE_CRASH, "fullsp-delta");

        assertThat(r.what()).contains("killed 100 ms into");
        assertThat(r.servingHosts()).as(r.what()).isEqualTo(1);
        assertThat(r.stateKept()).as(r.what()).isTrue();
    }
}
