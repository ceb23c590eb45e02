package io.mecmig.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.core.InvalidMigrationException;
import io.mecmig.docker.ssh.SshTarget;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
    void aSocketThroughSshIsRunAsAUnixSocketOnTheHost() {
        DockerEndpoint e = DockerEndpoint.of("ssh+unix:///run/mecmig/meh-dst/docker.sock");
        assertThat(e.throughSsh()).isTrue();
        assertThat(e.cliHost()).isEqualTo("unix:///run/mecmig/meh-dst/docker.sock");
        assertThatThrownBy(e::httpClient).hasMessageContaining("DockerHost.endpoint()");
        DockerEndpoint local = e.reachedAt(java.net.URI.create("tcp://127.0.0.1:40000"));
        assertThat(local.throughSsh()).isFalse();
        assertThat(local.cliHost()).isEqualTo("unix:///run/mecmig/meh-dst/docker.sock");
        assertThatThrownBy(() -> DockerEndpoint.of("ssh+unix://relative")).hasMessageContaining("Docker socket path");
    }

    @Test
    void endpointsMustBeUnixOrTcp() {
        assertThat(DockerEndpoint.of("unix:///run/d.sock").cliHost()).isEqualTo("unix:///run/d.sock");
        assertThatThrownBy(() -> DockerEndpoint.of("http://x")).hasMessageContaining("unix://");
    }

    private static Properties valid() {
        Properties p = new Properties();
        new DockerHostConfig("meh-dst", "unix:///run/mecmig/meh-dst/docker.sock",
                new SshTarget("10.77.2.2", 22, "root", Path.of("/k/orch"), Path.of("/k/known_hosts")),
                "10.77.2.2", "10.77.0.2", "/var/lib/mecmig/meh-dst/work", new LinkAccess("root", "/k/link", "/k/kh"))
                .store(p, "target.");
        return p;
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "ssh.host|10.77.0.2; rm -rf /|SSH address (ssh.host)",
        "ssh.host|$(reboot)|SSH address (ssh.host)",
        "ssh.host|-oProxyCommand=touch /tmp/x|SSH address (ssh.host)",
        "ssh.host|10.77.0.256|SSH address (ssh.host)",
        "serviceHost|`id`|service address (serviceHost)",
        "serviceHost|mec host|service address (serviceHost)",
        "linkAddress|10.77.0.2 && reboot|link address (linkAddress)",
        "linkAddress|1.2.3|link address (linkAddress)",
        "ssh.user|root;id|SSH user (ssh.user)",
        "ssh.user|-l root|SSH user (ssh.user)",
        "link.user|$USER|link login (link.user)",
        "workDir|work|work folder (workDir)",
        "workDir|/var/lib/../../etc|work folder (workDir)",
        "link.identity|~/.ssh/id|link key file (link.identity)",
        "link.knownHosts|../kh|link known_hosts file (link.knownHosts)",
        "name|../meh-dst|invalid host name",
        "name|meh dst;x|invalid host name",
        "docker|tcp://10.77.0.2|has no port",
        "docker|tcp://$(id):2375|Docker endpoint's host",
        "docker|http://10.77.0.2:2375|use unix:///path/to/docker.sock",
        "docker|unix://relative.sock|Docker socket path",
        "docker|unix:///run/docker sock|is not a URI"})
    void hostileValuesAreRefusedNamingTheKeyAndTheFix(String key, String hostile, String named) {
        Properties p = valid();
        p.setProperty("target." + key, hostile);
        assertThatThrownBy(() -> DockerHostConfig.from(p, "target.", "hosts.properties"))
                .isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining(named)
                .hasMessageContaining("hosts.properties")
                .hasMessageContaining("correct the value there")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("use ", "add it", "write it", "set it"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh.host", "serviceHost", "linkAddress", "workDir", "docker"})
    void aBlankAddressOrPathIsNamedWithTheFix(String key) {
        Properties p = valid();
        p.setProperty("target." + key, "  ");
        assertThatThrownBy(() -> DockerHostConfig.from(p, "target.", "hosts.properties"))
                .hasMessageContaining("'target." + key + "'").hasMessageContaining("add it");
    }

    @Test
    void theBuilderChecksAddressesBeforeItConnects() {
        assertThatThrownBy(() -> DockerHost.builder("meh-src").docker(DockerEndpoint.of("unix:///run/d.sock"))
                .ssh(new SshTarget("10.77.1.2", 22, "root", Path.of("/k/orch"), Path.of("/k/kh")))
                .serviceHost("10.77.1.2").linkAddress("10.77.0.1;reboot").workDir("/w")
                .linkAccess(new LinkAccess("root", "/k/link", "/k/kh")).build())
                .isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("invalid link address of host 'meh-src' '10.77.0.1;reboot'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.77.0.2", "mec2.example.org", "fd00::2", "[fd00::2]", "localhost"})
    void ordinaryAddressesPass(String address) {
        Properties p = valid();
        p.setProperty("target.linkAddress", address);
        assertThat(DockerHostConfig.from(p, "target.", "hosts.properties").linkAddress()).isEqualTo(address);
    }
}
