package io.mecmig.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The two-host testbed: up, down, status, shape. */
@Command(name = "testbed", description = "The two-host testbed: up, down, status, shape.")
final class TestbedCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("mecmig testbed: not available yet in this version.");
        return 2;
    }
}
