package io.mecmig.cli;

import io.mecmig.cli.faults.FaultBench;
import io.mecmig.cli.faults.FaultCase;
import io.mecmig.cli.faults.FaultMatrix;
import io.mecmig.cli.faults.FaultResult;
import io.mecmig.cli.faults.FaultTable;
import io.mecmig.testbed.TestbedConfig;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mecmig faults}: the fault table on the testbed. Each fault is injected into a real migration of
 * each strategy; afterwards the app must serve from exactly one host with its state intact.
 */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = "Injects each fault into a migration of each strategy on the testbed and prints the table"
                + " fault x strategy: outcome, downtime, state kept, what happened (about 1 min per cell).")
final class FaultsCommand implements Callable<Integer> {

    @Option(names = "--faults", split = ",", description = "faults to inject (default: all): ${COMPLETION-CANDIDATES}",
            completionCandidates = FaultKeys.class)
    List<String> faults = FaultCase.keys();

    @Option(names = "--strategies", split = ",", description = "strategies (default: ${DEFAULT-VALUE})")
    List<String> strategies = FaultMatrix.STRATEGIES;

    @Option(names = "--app", description = "the app migrated: uspa (its counter must never go back) or asw"
            + " (its keys must all be there); default: ${DEFAULT-VALUE}")
    String app = "uspa";

    @Mixin
    NetworkOption network = new NetworkOption();

    @Override
    public Integer call() {
        System.setProperty("org.slf4j.simpleLogger.log.net.schmizz", "warn");
        List<FaultCase> cases = faults.stream().map(FaultCase::of).toList();
        for (String s : strategies) {
            io.mecmig.core.Strategies.named(s);
        }
        TestbedConfig config = TestbedConfig.defaults();
        try (FaultBench bench = new FaultBench(app, ProjectHome.path(),
                (host, peer) -> TestbedDockerHosts.config(config, host, peer).connect(), network.mode)) {
            List<FaultResult> results = new FaultMatrix(bench, System.out::println).run(cases, strategies);
            System.out.println();
            System.out.print(FaultTable.render(results));
            return results.stream().allMatch(FaultResult::held) ? 0 : 1;
        }
    }

    /** The fault keys, for picocli's help. */
    static final class FaultKeys implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return FaultCase.keys().iterator();
        }
    }
}
