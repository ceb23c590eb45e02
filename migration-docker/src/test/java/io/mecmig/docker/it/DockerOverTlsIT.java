package io.mecmig.docker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Container;
import io.mecmig.core.InvalidMigrationException;
import io.mecmig.core.Migration;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.Outcome;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.DockerHostConfig;
import io.mecmig.docker.MigrationImages;
import io.mecmig.docker.catalog.AppDeployment;
import io.mecmig.docker.catalog.AppPlacement;
import io.mecmig.testbed.DockerTlsCerts;
import io.mecmig.testbed.TestbedHost;
import io.mecmig.testbed.exec.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Engine API of both testbed hosts reached only over mutual TLS ({@code tcp://<management address>:2376},
 * {@code dockerd --tlsverify} with the testbed's own CA): the same daemons answer, an FCCP migration runs end to
 * end over them, and a client whose certificate the daemon does not trust, or who does not trust the daemon's,
 * is refused with what to fix.
 */
@Tag("docker")
class DockerOverTlsIT {

    private static TestbedDocker bed;
    private static DockerHost source;
    private static DockerHost target;

    @TempDir
    Path tmp;

    @BeforeAll
    static void connect() {
        bed = new TestbedDocker();
        bed.shape("1gbit", 0);
        source = overTls(bed.hosts.source(), bed.hosts.target(), bed.hosts.source().dockerTls().clientFolder()).connect();
        target = overTls(bed.hosts.target(), bed.hosts.source(), bed.hosts.target().dockerTls().clientFolder()).connect();
    }

    private static DockerHostConfig overTls(TestbedHost host, TestbedHost peer, Path clientFolder) {
        DockerHostConfig direct = bed.config(host, peer);
        return new DockerHostConfig(direct.name(), host.dockerTls().uri().toString(), direct.ssh(), direct.serviceHost(),
                direct.linkAddress(), direct.workDir(), direct.linkAccess(), clientFolder.toString(),
                host.dockerUri().toString());
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
    void bothEnginesAnswerOverTlsAsTheyDoOnTheirSockets() {
        for (DockerHost[] pair : List.of(new DockerHost[] {source, bed.source}, new DockerHost[] {target, bed.target})) {
            DockerHost overTls = pair[0];
            DockerHost direct = pair[1];
            assertThat(overTls.endpoint().uri().toString()).startsWith("tcp://10.77.").endsWith(":2376");
            assertThat(overTls.endpoint().tlsFiles()).isPresent();
            assertThat(overTls.docker().infoCmd().exec().getId()).isEqualTo(direct.docker().infoCmd().exec().getId());
            assertThat(overTls.docker().listContainersCmd().withShowAll(true).exec()).extracting(Container::getId)
                    .containsExactlyInAnyOrderElementsOf(direct.docker().listContainersCmd().withShowAll(true).exec()
                            .stream().map(Container::getId).toList());
        }
    }

    @Test
    void anFccpMigrationRunsWithBothEnginesReachedOverTls() {
        AppDeployment ba = bed.deployFresh("ba");
        AppPlacement.deploy(ba, source);

        MigrationReport report = Migration.of(ba.spec()).from(source).to(target).strategy("fccp").migrate();

        assertThat(report.outcome()).as(report.failure()).isEqualTo(Outcome.COMPLETED);
        assertThat(bed.target.isRunning(ba.spec().container())).isTrue();
        assertThat(bed.source.isRunning(ba.spec().container())).isFalse();
        MigrationImages.removeContainerAndItsImage(target, ba.spec().container());
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefusedByTheDaemon() throws IOException {
        Path impostor = new DockerTlsCerts(new ProcessRunner(), tmp.resolve("other-ca")).ensureClient();
        Path mixed = Files.createDirectory(tmp.resolve("mixed"));
        Files.copy(bed.hosts.target().dockerTls().clientFolder().resolve("ca.pem"), mixed.resolve("ca.pem"));
        Files.copy(impostor.resolve("cert.pem"), mixed.resolve("cert.pem"));
        Files.copy(impostor.resolve("key.pem"), mixed.resolve("key.pem"));
        Files.setPosixFilePermissions(mixed.resolve("key.pem"), PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> overTls(bed.hosts.target(), bed.hosts.source(), mixed).connect())
                .isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("tcp://" + bed.hosts.target().managementAddress() + ":2376")
                .hasMessageContaining("refused this client's certificate " + mixed.resolve("cert.pem"))
                .hasMessageContaining("--tlscacert");
    }

    @Test
    void aDaemonCertificateFromAnotherCaIsRefusedByTheClient() {
        Path impostor = new DockerTlsCerts(new ProcessRunner(), tmp.resolve("other-ca")).ensureClient();

        assertThatThrownBy(() -> overTls(bed.hosts.target(), bed.hosts.source(), impostor).connect())
                .isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("presented a certificate that " + impostor.resolve("ca.pem") + " does not vouch for")
                .hasMessageContaining("IP:" + bed.hosts.target().managementAddress());
    }

    @Test
    void theTestbedsTlsFilesAreForTheirOwnerOnly() throws IOException {
        Path client = bed.hosts.source().dockerTls().clientFolder();
        try (var files = Files.walk(client.getParent())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                assertThat(mode).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
        assertThat(Files.list(client.getParent()).map(p -> p.getFileName().toString()))
                .contains("ca", "client", "server-" + bed.hosts.source().name(), "server-" + bed.hosts.target().name());
    }
}
