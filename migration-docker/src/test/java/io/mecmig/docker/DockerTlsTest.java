package io.mecmig.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.core.InvalidMigrationException;
import io.mecmig.docker.ssh.SshTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DockerTlsTest {

    private static final URI DAEMON = URI.create("tcp://10.77.2.2:2376");

    @TempDir
    Path dir;

    private Path folder(String keyMode) throws IOException {
        Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        Files.writeString(dir.resolve("cert.pem"), "not a certificate");
        Path key = Files.writeString(dir.resolve("key.pem"), "SECRET-KEY-MATERIAL");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(keyMode));
        return dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://10.77.2.2:2375", "tcp://192.0.2.7:2375", "tcp://docker.example:2375"})
    void plainTcpToAnotherMachineIsRefusedWithBothSafeWays(String uri) {
        assertThatThrownBy(() -> DockerEndpoint.of(uri)).isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("plain TCP").hasMessageContaining("root")
                .hasMessageContaining("docker.tls").hasMessageContaining("ssh+unix://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:40000", "tcp://localhost:2375", "tcp://127.3.0.9:1"})
    void plainTcpOnLoopbackIsFine(String uri) {
        assertThat(DockerEndpoint.of(uri).tlsFiles()).isEmpty();
    }

    @Test
    void aTlsEndpointKeepsItsFilesAndTheHostCliUsesTheLocalSocket() throws IOException {
        DockerTls tls = new DockerTls(folder("rw-------"));
        DockerEndpoint e = DockerEndpoint.of("tcp://10.77.2.2:2376", tls, null);
        assertThat(e.tlsFiles()).contains(tls);
        assertThat(e.cliHost()).isEqualTo(DockerEndpoint.DEFAULT_SOCKET);
        assertThat(e.toString()).contains("TLS");
        assertThat(DockerEndpoint.of("tcp://10.77.2.2:2376", tls, "unix:///run/mecmig/meh-dst/docker.sock").cliHost())
                .isEqualTo("unix:///run/mecmig/meh-dst/docker.sock");
        assertThatThrownBy(() -> DockerEndpoint.of("tcp://10.77.2.2:2376", tls, "tcp://127.0.0.1:2375"))
                .hasMessageContaining("docker.onHost").hasMessageContaining("unix socket");
        assertThatThrownBy(() -> DockerEndpoint.of("unix:///run/d.sock", tls, null))
                .hasMessageContaining("TLS").hasMessageContaining("tcp://");
    }

    @Test
    void aMissingFileIsNamedWithWhatItMustBe() throws IOException {
        Files.delete(folder("rw-------").resolve("cert.pem"));
        assertThatThrownBy(() -> new DockerTls(dir)).isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("cert.pem").hasMessageContaining("signed by the CA the daemon trusts");
        assertThatThrownBy(() -> new DockerTls(dir.resolve("nowhere"))).hasMessageContaining("does not exist")
                .hasMessageContaining("ca.pem, cert.pem and key.pem");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--"})
    void aKeyOthersCanReadIsRefusedWithTheChmod(String mode) throws IOException {
        folder(mode);
        assertThatThrownBy(() -> new DockerTls(dir)).isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("chmod 600 " + dir.toAbsolutePath().resolve("key.pem"));
    }

    @Test
    void filesThatAreNotPemFailWithoutShowingTheirContent() throws IOException {
        DockerTls tls = new DockerTls(folder("r--------"));
        assertThatThrownBy(tls::sslConfig).isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining(dir.toAbsolutePath().toString()).hasMessageContaining("PEM")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET-KEY-MATERIAL"));
    }

    @Test
    void handshakeFailuresSayWhichSideRefusedAndWhatToFix() throws IOException {
        DockerTls tls = new DockerTls(folder("rw-------"));
        String untrusted = tls.explain(DAEMON, new RuntimeException(new SSLHandshakeException(
                "PKIX path building failed: unable to find valid certification path to requested target")));
        assertThat(untrusted).contains("presented a certificate").contains(tls.ca().toString())
                .contains("IP:10.77.2.2");
        String refused = tls.explain(DAEMON, new UncheckedIOException(new SSLException(
                "Received fatal alert: bad_certificate")));
        assertThat(refused).contains("refused this client's certificate").contains(tls.cert().toString())
                .contains("--tlscacert").contains("clientAuth");
        String nobody = tls.explain(DAEMON, new RuntimeException(new ConnectException("Connection refused")));
        assertThat(nobody).contains("nothing accepts connections").contains("--tlsverify");
        String plain = tls.explain(DAEMON, new SSLException("Unsupported or unrecognized SSL message"));
        assertThat(plain).contains("does not speak TLS");
    }

    @Test
    void theHostsFileCarriesTheTlsFolderAndTheSocketOnTheHost() throws IOException {
        folder("rw-------");
        DockerHostConfig c = new DockerHostConfig("meh-dst", "tcp://10.77.2.2:2376",
                new SshTarget("10.77.2.2", 22, "root", Path.of("/k/orch"), Path.of("/k/known_hosts")),
                "10.77.2.2", "10.77.0.2", "/var/lib/mecmig/meh-dst/work", new LinkAccess("root", "/k/link", "/k/kh"),
                dir.toString(), "unix:///run/mecmig/meh-dst/docker.sock");
        Properties p = new Properties();
        c.store(p, "target.");
        assertThat(p.getProperty("target.docker.tls")).isEqualTo(dir.toString());
        DockerHostConfig read = DockerHostConfig.from(p, "target.", "hosts.properties");
        assertThat(read).isEqualTo(c);
        assertThat(read.endpoint().tlsFiles()).isPresent();
        assertThat(read.endpoint().cliHost()).isEqualTo("unix:///run/mecmig/meh-dst/docker.sock");

        p.remove("target.docker.tls");
        assertThatThrownBy(() -> DockerHostConfig.from(p, "target.", "hosts.properties"))
                .hasMessageContaining("plain TCP").hasMessageContaining("target.*");
    }
}
