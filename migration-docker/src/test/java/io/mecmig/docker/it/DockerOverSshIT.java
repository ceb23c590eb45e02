package io.mecmig.docker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Info;
import io.mecmig.core.Migration;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.Outcome;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.DockerHostConfig;
import io.mecmig.docker.MigrationImages;
import io.mecmig.docker.catalog.AppDeployment;
import io.mecmig.docker.catalog.AppPlacement;
import io.mecmig.testbed.TestbedHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Engine API of both testbed hosts reached only through their SSH channels ({@code ssh+unix://} endpoints,
 * the unix socket carried by {@code docker system dial-stdio} over SSH): the same daemons answer, and an
 * FCCP migration runs end to end over them.
 */
@Tag("docker")
class DockerOverSshIT {

    private static TestbedDocker bed;
    private static DockerHost source;
    private static DockerHost target;

    @BeforeAll
    static void connect() {
        bed = new TestbedDocker();
        bed.shape("1gbit", 0);
        source = overSsh(bed.hosts.source(), bed.hosts.target()).connect();
        target = overSsh(bed.hosts.target(), bed.hosts.source()).connect();
    }

    private static DockerHostConfig overSsh(TestbedHost host, TestbedHost peer) {
        DockerHostConfig direct = bed.config(host, peer);
        return new DockerHostConfig(direct.name(), "ssh+unix://" + host.dockerSocket(), direct.ssh(),
                direct.serviceHost(), direct.linkAddress(), direct.workDir(), direct.linkAccess());
    }

    @AfterAll
    static void close() {
        if (source != null) {
            source.close();
            target.close();
        }
        bed.close();
    }

    @Test
    void theTunnelReachesTheSameDaemonAndListensOnLoopbackOnly() {
        Info tunnelled = target.docker().infoCmd().exec();
        Info direct = bed.target.docker().infoCmd().exec();

        assertThat(tunnelled.getId()).isEqualTo(direct.getId());
        assertThat(tunnelled.getDockerRootDir()).isEqualTo(direct.getDockerRootDir());
        assertThat(target.endpoint().uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(target.endpoint().cliHost()).isEqualTo("unix://" + bed.hosts.target().dockerSocket());
    }

    @Test
    void anFccpMigrationRunsWithBothEnginesReachedThroughSsh() {
        AppDeployment ba = bed.deployFresh("ba");
        AppPlacement.deploy(ba, source);

        MigrationReport report = Migration.of(ba.spec()).from(source).to(target).strategy("fccp").migrate();

        assertThat(report.outcome()).as(report.failure()).isEqualTo(Outcome.COMPLETED);
        assertThat(bed.target.isRunning(ba.spec().container())).isTrue();
        assertThat(bed.source.isRunning(ba.spec().container())).isFalse();
        MigrationImages.removeContainerAndItsImage(target, ba.spec().container());
    }
}
