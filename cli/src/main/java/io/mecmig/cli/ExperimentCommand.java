package io.mecmig.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs the matrix of apps x strategies x link rates x loss on the testbed. */
@Command(name = "experiment", description = "Runs the matrix of apps x strategies x link rates x loss on the testbed.")
final class ExperimentCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("mecmig experiment: not available yet in this version.");
        return 2;
    }
}
