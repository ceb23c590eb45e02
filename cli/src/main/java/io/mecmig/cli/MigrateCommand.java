package io.mecmig.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs one migration on the testbed and prints its steps, sizes, downtime and state check. */
@Command(name = "migrate", description = "Runs one migration on the testbed and prints its steps, sizes, downtime and state check.")
final class MigrateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("mecmig migrate: not available yet in this version.");
        return 2;
    }
}
