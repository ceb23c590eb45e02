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
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Option(names = "--hosts", description = "the hosts file (default: ${DEFAULT-VALUE})")
    Path hosts = MigrateCommand.DEFAULT_HOSTS;

    @Option(names = "--list", description = "only list the unfinished migrations; change nothing")
    boolean list;

    @Override
    public Integer call() {
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
        Properties file = readHosts(hosts);
        try (DockerHost a = DockerHostConfig.from(file, "source.", hosts.toString()).connect();
             DockerHost b = DockerHostConfig.from(file, "target.", hosts.toString()).connect()) {
            Map<String, Host> byName = Map.of(a.name(), a, b.name(), b);
            Map<String, AppSpec> apps = AppCatalog.keys().stream().map(AppCatalog::spec)
                    .collect(Collectors.toMap(AppSpec::container, Function.identity()));
            List<RecoveryReport> reports = Recovery.of(j).hosts(byName::get).apps(apps::get).recoverAll();
            reports.forEach(r -> System.out.println(r.describe()));
            boolean allServe = reports.stream().allMatch(r -> r.resolution() != RecoveryReport.Resolution.FAILED);
            return allServe ? 0 : 1;
        }
    }

    private static Properties readHosts(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("no hosts file at " + file + ": pass --hosts FILE, the one the"
                    + " crashed migration used (source.* and target.*), or bring the testbed up (./mecmig testbed up)");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the hosts file " + file + ": " + e.getMessage(), e);
        }
        return p;
    }
}
