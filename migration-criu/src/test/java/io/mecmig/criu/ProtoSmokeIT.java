package io.mecmig.criu;

import io.mecmig.core.AppSpec;
import io.mecmig.core.Migration;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.StateNeeds;
import io.mecmig.core.StateProbe;
import io.mecmig.core.StepFailedException;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.DockerHostConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("docker")
class ProtoSmokeIT {

    @Test
    void migratesBackAndForth() {
        Path hosts = Path.of(System.getProperty("mecmig.hosts", "/tmp/criu-it/hosts.properties"));
        AppSpec app = AppSpec.builder(System.getProperty("proto.container", "criu-proto")).servicePort(8080)
                .needs(StateNeeds.FULL_STATE)
                .stateProbe(StateProbe.http("/state").unchanged("startedAt").nonDecreasing("counter")).build();
        try (DockerHost a = DockerHostConfig.load(hosts, "source.").connect();
             DockerHost b = DockerHostConfig.load(hosts, "target.").connect()) {
            DockerHost from = a.isRunning(app.container()) ? a : b;
            DockerHost to = from == a ? b : a;
            to.removeContainer(app.container());
            try {
                MigrationReport r = Migration.of(app).from(from).to(to).strategy(System.getProperty("strategy", "fullsp"))
                        .link(io.mecmig.core.LinkProfile.of(System.getProperty("link", "100mbit"), 0))
                        .migrate();
                System.out.println(r.toText());
                PhysicalFloor.of(r).ifPresent(f -> System.out.println(f.describe(r.downtime().ueObserved() == null
                        ? r.downtime().untilReady() : r.downtime().ueObserved().longest())));
            } catch (StepFailedException e) {
                System.out.println(e.report().toJson());
                throw e;
            }
        }
    }
}
