package io.mecmig.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** A live run in which the app follows a moving UE across MEC hosts. */
@Command(name = "drive", description = "A live run in which the app follows a moving UE across MEC hosts.")
final class DriveCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("mecmig drive: not available yet in this version.");
        return 2;
    }
}
