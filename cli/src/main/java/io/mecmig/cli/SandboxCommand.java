package io.mecmig.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The embedded MEC sandbox: serve it, or report on its mobility. */
@Command(name = "sandbox", description = "The embedded MEC sandbox: serve it, or report on its mobility.")
final class SandboxCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("mecmig sandbox: not available yet in this version.");
        return 2;
    }
}
