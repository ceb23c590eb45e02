package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.cli.faults.FaultBench;
import io.mecmig.cli.faults.FaultCase;
import io.mecmig.cli.faults.FaultMatrix;
import io.mecmig.cli.faults.FaultResult;
import io.mecmig.docker.NetworkMode;
import io.mecmig.testbed.TestbedConfig;
import java.nio.file.Path;
import java.util.List;
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

    private static FaultBench bench;
    private static FaultMatrix matrix;

    @BeforeAll
    static void up() {
        TestbedConfig config = TestbedConfig.defaults();
        bench = new FaultBench("asw", Path.of("..").toAbsolutePath().normalize(),
                (host, peer) -> TestbedDockerHosts.config(config, host, peer).connect(), NetworkMode.SANDBOX);
        matrix = new FaultMatrix(bench, System.out::println);
    }

    @AfterAll
    static void down() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void aKilledOrchestratorsFullStateMigrationIsRecoveredWithAswsKeys() {
        FaultResult r = matrix.run(List.of(FaultCase.ORCHESTRATOR_KILLED), List.of("fullsp-delta")).get(0);

        assertThat(r.what()).contains("migrate killed (SIGKILL) at");
        assertThat(r.outcome()).isIn("RECOVERED:FINISHED", "RECOVERED:ROLLED_BACK");
        assertThat(r.servingHosts()).as(r.what()).isEqualTo(1);
        assertThat(r.stateKept()).as(r.what()).isTrue();
    }

    @Test
    void aSourceKilledDuringItsFinalDumpComesBackFromThePreRelocationCheckpoint() {
        FaultResult r = matrix.run(List.of(FaultCase.SOURCE_CRASH), List.of("fullsp-delta")).get(0);

        assertThat(r.what()).contains("killed 100 ms into")
                .contains("the source was restored from its pre-relocation checkpoint instead");
        assertThat(r.servingHosts()).as(r.what()).isEqualTo(1);
        assertThat(r.stateKept()).as(r.what()).isTrue();
    }
}
