package io.mecmig.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mecmig test}: setup, then the whole suite with the integration tests, then a check that none of
 * them was skipped (a skipped integration test means the setup failed to provide something).
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs setup, then the full test suite, integration tests included (as root).")
final class TestCommand implements Callable<Integer> {

    @Option(names = "--skip-setup", description = "Do not run setup first (it is idempotent, but takes a while).")
    boolean skipSetup;

    @Option(names = "--unit-only", description = "Run the unit tests only (no root needed).")
    boolean unitOnly;

    @Option(names = "--module", paramLabel = "MODULE", description = "Test one module (and build what it needs).")
    String module;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path home = ProjectHome.path();
        if (!unitOnly && !skipSetup) {
            int setup = Main.commandLine().execute("setup");
            if (setup != 0) {
                System.err.println("mecmig test: setup failed (exit " + setup + "); fix what it reports, then run again");
                return setup;
            }
        }
        TestTally.clear(home);
        int maven = new ProcessBuilder(mavenCommand()).directory(home.toFile()).inheritIO().start().waitFor();
        TestTally tally = TestTally.collect(home);
        System.out.println(tally.describe());
        if (maven != 0) {
            System.err.println("mecmig test: the build failed (mvn exit " + maven + "); see the failures above");
            return 1;
        }
        if (!unitOnly) {
            Optional<String> incomplete = tally.incompleteness(module == null);
            if (incomplete.isPresent()) {
                System.err.println("mecmig test: " + incomplete.get());
                return 1;
            }
        }
        return 0;
    }

    private List<String> mavenCommand() {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "verify"));
        if (!unitOnly) {
            command.add("-DskipITs=false");
        }
        if (module != null) {
            command.addAll(List.of("-pl", module, "-am"));
        }
        return command;
    }
}
