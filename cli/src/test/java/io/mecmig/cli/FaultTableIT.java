package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.cli.faults.FaultBench;
import io.mecmig.cli.faults.FaultCase;
import io.mecmig.cli.faults.FaultMatrix;
import io.mecmig.cli.faults.FaultResult;
import io.mecmig.docker.NetworkMode;
import io.mecmig.testbed.TestbedConfig;
import java.nio.file.Path;
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

    private static FaultBench bench;
    private static FaultMatrix matrix;

    @BeforeAll
    static void up() {
        TestbedConfig config = TestbedConfig.defaults();
        bench = new FaultBench("uspa", Path.of("..").toAbsolutePath().normalize(),
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
    void aKilledOrchestratorsMigrationIsFinishedOrRolledBackByRecover() {
        FaultResult r = matrix.run(java.util.List.of(FaultCase.ORCHESTRATOR_KILLED), java.util.List.of("fccp")).get(0);

        assertThat(r.what()).contains("migrate killed (SIGKILL) at");
        assertThat(r.outcome()).isIn("RECOVERED:FINISHED", "RECOVERED:ROLLED_BACK");
        assertThat(r.servingHosts()).as(r.what()).isEqualTo(1);
        assertThat(r.stateKept()).as(r.what()).isTrue();
    }

    @Test
    void aSourceContainerCrashingMidCheckpointLeavesTheAppServingWithItsState() {
        FaultResult r = matrix.run(java.util.List.of(FaultCase.SOURCE_CRASH), java.util.List.of("fullsp-delta")).get(0);

        assertThat(r.what()).contains("killed 100 ms into");
        assertThat(r.servingHosts()).as(r.what()).isEqualTo(1);
        assertThat(r.stateKept()).as(r.what()).isTrue();
    }
}
