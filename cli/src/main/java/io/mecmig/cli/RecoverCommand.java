package io.mecmig.cli;

import io.mecmig.core.AppSpec;
import io.mecmig.core.Host;
import io.mecmig.core.Journal;
import io.mecmig.core.JournaledMigration;
import io.mecmig.core.Recovery;
import io.mecmig.core.RecoveryReport;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.DockerHostConfig;
import io.mecmig.docker.catalog.AppCatalog;
import io.mecmig.testbed.Testbed;
import io.mecmig.testbed.TestbedConfig;
import io.mecmig.testbed.TestbedHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Finds the migrations a crashed {@code mecmig} left half-done in its journal and finishes them (the app
 * already serves from the target with its state) or rolls them back (the app serves from the source).
 */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = "Finishes or rolls back migrations that a crash left half-done (read from the journal).")
final class RecoverCommand implements Callable<Integer> {

    @Option(names = "--journal", description = "the journal folder (default: ${DEFAULT-VALUE})")
    Path journal = Journal.defaultLocation();

    @Option(names = "--hosts", description = "a hosts file (source.* and target.*) for hosts outside the testbed;"
            + " without it, the testbed's hosts (brought back up if a daemon died)")
    Path hosts;

    @Option(names = "--list", description = "only list the unfinished migrations; change nothing")
    boolean list;

    @Override
    public Integer call() {
        // sshj logs every connection at INFO; keep what recover says readable.
        System.setProperty("org.slf4j.simpleLogger.log.net.schmizz", "warn");
        Journal j = Journal.at(journal);
        List<JournaledMigration> unfinished = j.unfinished();
        if (unfinished.isEmpty()) {
            System.out.println("nothing to recover: no unfinished migration in " + journal);
            return 0;
        }
        unfinished.forEach(m -> System.out.println((m.running() ? "running:  " : "crashed:  ") + m.describe()));
        if (list) {
            return 0;
        }
        List<DockerHostConfig> configs = hosts == null ? testbedHosts() : fileHosts(hosts);
        List<DockerHost> connected = new ArrayList<>();
        try {
            Map<String, Host> byName = new HashMap<>();
            for (DockerHostConfig c : configs) {
                DockerHost h = c.connect();
                connected.add(h);
                byName.put(h.name(), h);
            }
            Map<String, AppSpec> apps = AppCatalog.keys().stream().map(AppCatalog::spec)
                    .collect(Collectors.toMap(AppSpec::container, Function.identity()));
            List<RecoveryReport> reports = Recovery.of(j).hosts(name -> known(byName, name)).apps(apps::get)
                    .recoverAll();
            reports.forEach(r -> System.out.println(r.describe()));
            boolean allServe = reports.stream().allMatch(r -> r.resolution() != RecoveryReport.Resolution.FAILED);
            return allServe ? 0 : 1;
        } finally {
            connected.forEach(DockerHost::close);
        }
    }

    private Host known(Map<String, Host> byName, String name) {
        Host h = byName.get(name);
        if (h == null) {
            throw new IllegalArgumentException("the journal names host '" + name + "', which "
                    + (hosts == null ? "the testbed does not have" : hosts + " does not describe")
                    + ": pass --hosts FILE describing it (see DockerHostConfig)");
        }
        return h;
    }

    /** Every host of the testbed, each seeing the next one as its link peer; daemons that died come back up. */
    private static List<DockerHostConfig> testbedHosts() {
        TestbedConfig config = TestbedConfig.defaults();
        List<TestbedHost> all = Testbed.local(config).up().hosts();
        List<DockerHostConfig> configs = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            configs.add(TestbedDockerHosts.config(config, all.get(i), all.get((i + 1) % all.size())));
        }
        return configs;
    }

    private static List<DockerHostConfig> fileHosts(Path file) {
        Properties p = HostsFile.read(file, "pass --hosts FILE, the one the crashed migration used (source.* and"
                + " target.*), or bring the testbed up (./mecmig testbed up)");
        return List.of(DockerHostConfig.from(p, "source.", file.toString()),
                DockerHostConfig.from(p, "target.", file.toString()));
    }
}
