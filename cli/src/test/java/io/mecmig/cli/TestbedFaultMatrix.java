package io.mecmig.cli;

import io.mecmig.cli.faults.FaultBench;
import io.mecmig.cli.faults.FaultCase;
import io.mecmig.cli.faults.FaultMatrix;
import io.mecmig.cli.faults.FaultResult;
import io.mecmig.docker.NetworkMode;
import io.mecmig.testbed.TestbedConfig;
import java.nio.file.Path;
import java.util.List;

/** The fault table's cells of one app on the testbed, as the fault-table ITs run them (one cell at a time). */
final class TestbedFaultMatrix implements AutoCloseable {

    private final FaultBench bench;
    private final FaultMatrix matrix;

    /** Brings the testbed up and deploys {@code app} in a network sandbox. */
    TestbedFaultMatrix(String app) {
        TestbedConfig config = TestbedConfig.defaults();
        bench = new FaultBench(app, Path.of("..").toAbsolutePath().normalize(),
                (host, peer) -> TestbedDockerHosts.config(config, host, peer).connect(), NetworkMode.SANDBOX);
        matrix = new FaultMatrix(bench, System.out::println);
    }

    /** One migration with {@code fault} injected, undone and checked. */
    FaultResult run(FaultCase fault, String strategy) {
        return matrix.run(List.of(fault), List.of(strategy)).get(0);
    }

    /** The images migrations of the app made that either host still has, each as {@code HOST NAME}. */
    List<String> migrationImages() {
        return bench.migrationImages();
    }

    @Override
    public void close() {
        bench.close();
    }
}
