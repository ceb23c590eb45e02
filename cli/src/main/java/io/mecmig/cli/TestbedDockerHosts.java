package io.mecmig.cli;

import io.mecmig.docker.DockerHostConfig;
import io.mecmig.docker.LinkAccess;
import io.mecmig.docker.ssh.SshTarget;
import io.mecmig.testbed.SshEndpoint;
import io.mecmig.testbed.TestbedConfig;
import io.mecmig.testbed.TestbedHost;
import io.mecmig.testbed.TestbedHosts;
import java.util.Properties;

/**
 * The testbed's two hosts in the hosts-file form {@code migrate} reads (see {@link DockerHostConfig}): both
 * hosts log in to each other with the testbed's client key, pinned by its known_hosts file, and keep their
 * work files under the testbed's state folder.
 */
final class TestbedDockerHosts {

    private TestbedDockerHosts() {
    }

    /** {@code source.*}, {@code target.*} and {@code gatewayAddress} of the testbed's source and target. */
    static Properties of(TestbedConfig config, TestbedHosts hosts) {
        Properties p = new Properties();
        config(config, hosts.source(), hosts.target()).store(p, "source.");
        config(config, hosts.target(), hosts.source()).store(p, "target.");
        p.setProperty("source.gatewayAddress", hosts.source().gatewayAddress());
        p.setProperty("target.gatewayAddress", hosts.target().gatewayAddress());
        return p;
    }

    /** The same, with both Docker engines reached over mutual TLS (the testbed's CA and client certificate). */
    static Properties overTls(TestbedConfig config, TestbedHosts hosts) {
        Properties p = of(config, hosts);
        overTls(config, hosts.source(), hosts.target()).store(p, "source.");
        overTls(config, hosts.target(), hosts.source()).store(p, "target.");
        return p;
    }

    static DockerHostConfig overTls(TestbedConfig config, TestbedHost host, TestbedHost peer) {
        DockerHostConfig c = config(config, host, peer);
        return new DockerHostConfig(c.name(), host.dockerTls().uri().toString(), c.ssh(), c.serviceHost(),
                c.linkAddress(), c.workDir(), c.linkAccess(), host.dockerTls().clientFolder().toString(),
                host.dockerUri().toString());
    }

    static DockerHostConfig config(TestbedConfig config, TestbedHost host, TestbedHost peer) {
        SshEndpoint ssh = host.ssh();
        return new DockerHostConfig(host.name(), host.dockerUri().toString(),
                new SshTarget(ssh.address(), ssh.port(), ssh.user(), ssh.privateKey(), ssh.knownHosts()),
                host.managementAddress(), host.linkAddressTowards(peer.name()),
                config.stateDir().resolve(host.name()).resolve("work").toString(),
                new LinkAccess(ssh.user(), ssh.privateKey().toString(), ssh.knownHosts().toString()));
    }
}
