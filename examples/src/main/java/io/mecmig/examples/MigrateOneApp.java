package io.mecmig.examples;

import io.mecmig.core.AppSpec;
import io.mecmig.core.Host;
import io.mecmig.core.Migration;
import io.mecmig.core.MigrationEvent;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.PreRelocation;
import io.mecmig.core.StateNeeds;
import io.mecmig.core.StateProbe;
import io.mecmig.core.Strategies;
import io.mecmig.docker.DockerHostConfig;
import java.nio.file.Path;

/**
 * Moves the USPA app from one Docker host to another with the core API, the way an orchestrator embeds it:
 * the two phases are triggered separately, each step is printed as it completes, and the report is printed
 * at the end. The body of {@link #migrate} is the example of the README ("The core API in short"), so the
 * build proves that the README's code compiles against the real API.
 *
 * <p>Usage: {@code MigrateOneApp HOSTS_FILE [STRATEGY]}, where HOSTS_FILE holds {@code source.*} and
 * {@code target.*} as {@link DockerHostConfig} describes (the testbed writes one,
 * {@code /var/lib/mecmig/docker-tls/hosts.properties}), STRATEGY is one of {@link Strategies#names()} (default
 * {@code fccp}), and the source runs a container named {@code uspa} with its state on the volume
 * {@code uspa-example-data}, answering {@code /health} and {@code /state} on port 8080 (AppSpec's default). The
 * names are not the testbed's own USPA's ({@code mec-uspa}, {@code uspa-data}), so the example never shares a
 * volume with an app that {@code mecmig migrate} left running; the README shows how to start it on the testbed.
 */
public final class MigrateOneApp {

    private MigrateOneApp() {
    }

    /**
     * Connects to the two hosts of the hosts file and migrates USPA between them.
     *
     * @param args the hosts file, then optionally the strategy's name
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: MigrateOneApp HOSTS_FILE [STRATEGY]  (strategies: "
                    + String.join(", ", Strategies.names()) + ")");
            System.exit(2);
        }
        Path hostsFile = Path.of(args[0]);
        String strategy = args.length == 2 ? args[1] : "fccp";
        try (Host source = DockerHostConfig.load(hostsFile, "source.").connect();
             Host target = DockerHostConfig.load(hostsFile, "target.").connect()) {
            migrate(source, target, strategy);
        }
    }

    /**
     * Migrates USPA from {@code source} to {@code target} with the strategy called {@code strategy}.
     *
     * @param source   the host USPA runs on now
     * @param target   the host it moves to
     * @param strategy a name from {@link Strategies#names()}
     * @return the immutable report of the migration
     */
    public static MigrationReport migrate(Host source, Host target, String strategy) {
        AppSpec uspa = AppSpec.builder("uspa")
                .volume("uspa-example-data")
                .needs(StateNeeds.USER_STATE)
                .phaseEndpoint("/changePhase")
                .stateProbe(StateProbe.http("/state").nonDecreasing("counter"))
                .build();

        PreRelocation prepared = Migration.of(uspa)
                .from(source).to(target)                  // Hosts, e.g. Docker engines on two MEC hosts
                .strategy(strategy)                       // sfp, fccp, fullsp, ... (Strategies.names())
                .onEvent(MigrationEvent.StepCompleted.class, e -> System.out.println(e.timing()))
                .preRelocate();                           // phase 1: the app keeps serving on the source

        MigrationReport report = prepared.relocate();     // phase 2: downtime, then the app serves from the target
        System.out.println(report.toText());              // step table, downtime (paper's and UE's), sizes, state check
        return report;
    }
}
