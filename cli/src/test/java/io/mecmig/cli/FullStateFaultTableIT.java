package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.cli.faults.FaultCase;
import io.mecmig.cli.faults.FaultResult;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fault table's cells where only a checkpoint can save the state: ASW keeps its visited zones in memcached's
 * memory, so a rollback or a recovery that restarts it from its image loses them. The migrating process killed
 * mid-relocation and {@code mecmig recover} after it (the source comes back from the final checkpoint the killed
 * process made), and the source container killed while CRIU dumps it (no final checkpoint: the source comes back from
 * its pre-relocation one).
 */
@Tag("docker")
class FullStateFaultTableIT {

    private static TestbedFaultMatrix cells;

    @BeforeAll
    static void up() {
        cells = new TestbedFaultMatrix("asw");
    }

    @AfterAll
    static void down() {
        if (cells != null) {
            cells.close();
        }
    }

    @Test
    void aKilledOrchestratorsFullStateMigrationIsRecoveredWithAswsKeys() {
        FaultResult r = cells.run(FaultCase.ORCHESTRATOR_KILLED, "fullsp-delta");

        assertThat(r.what()).contains("migrate killed (SIGKILL) at");
        assertThat(r.outcome()).isIn("RECOVERED:FINISHED", "RECOVERED:ROLLED_BACK");
        assertThat(r.servingHosts()).as(r.what()).isEqualTo(1);
        assertThat(r.stateKept()).as(r.what()).isTrue();
    }

    @Test
    void aSourceKilledDuringItsFinalDumpComesBackFromThePreRelocationCheckpoint() {
        FaultResult r = cells.run(FaultCase.SOURCE_CRASH, "fullsp-delta");

        assertThat(r.what()).contains("killed 100 ms into")
                .contains("the source was restored from its pre-relocation checkpoint instead");
        assertThat(r.servingHosts()).as(r.what()).isEqualTo(1);
        assertThat(r.stateKept()).as(r.what()).isTrue();
        // The dead app fails the dump at once (1-2.5 s of downtime); CRIU waiting for a task that never stops took
        // 10 s to 60 s before.
        assertThat(r.downtime()).as(r.what()).isNotNull().isLessThan(Duration.ofSeconds(6));
    }
}
