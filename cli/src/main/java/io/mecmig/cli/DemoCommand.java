package io.mecmig.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Sets everything up and runs the migration comparison on the two-host testbed, then writes the report. */
@Command(name = "demo", description = "Sets everything up and runs the migration comparison on the two-host testbed, then writes the report.")
final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("mecmig demo: not available yet in this version.");
        return 2;
    }
}
