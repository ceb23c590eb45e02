package io.mecmig.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.docker.ssh.SshTarget;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DockerHostConfigTest {

    @Test
    void storesAndReadsBackEveryField() {
        DockerHostConfig c = new DockerHostConfig("meh-src", "unix:///run/mecmig/meh-src/docker.sock",
                new SshTarget("10.77.1.2", 22, "root", Path.of("/k/orch"), Path.of("/k/known_hosts")),
                "10.77.1.2", "10.77.0.1", "/var/lib/mecmig/meh-src/work", new LinkAccess("root", "/k/link", "/k/kh"));
        Properties p = new Properties();
        c.store(p, "source.");
        assertThat(DockerHostConfig.from(p, "source.", "test")).isEqualTo(c);
    }

    @Test
    void aMissingKeyIsNamedWithTheFix() {
        Properties p = new Properties();
        p.setProperty("target.name", "meh-dst");
        assertThatThrownBy(() -> DockerHostConfig.from(p, "target.", "hosts.properties"))
                .hasMessageContaining("has no 'target.ssh.host'").hasMessageContaining("hosts.properties");
    }

    @Test
    void endpointsMustBeUnixOrTcp() {
        assertThat(DockerEndpoint.of("unix:///run/d.sock").cliHost()).isEqualTo("unix:///run/d.sock");
        assertThatThrownBy(() -> DockerEndpoint.of("http://x")).hasMessageContaining("unix://");
    }
}
