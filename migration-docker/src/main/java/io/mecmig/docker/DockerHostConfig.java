package io.mecmig.docker;

import io.mecmig.core.InvalidMigrationException;
import io.mecmig.core.Names;
import io.mecmig.docker.ssh.SshTarget;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/**
 * A {@link DockerHost}'s settings as plain values, so that a testbed (or a user with two real hosts) can
 * describe its hosts in a properties file and the CLI, tests and examples connect the same way.
 *
 * <p>Keys, under a prefix such as {@code source.} or {@code target.}: {@code name}, {@code docker}
 * (unix:///..., ssh+unix:///... or tcp://...), {@code docker.tls} (for tcp://: a folder on this machine with
 * ca.pem, cert.pem, key.pem, see {@link DockerTls}), {@code docker.onHost} (the daemon's unix socket on the host
 * itself, for a tcp:// endpoint; default {@value DockerEndpoint#DEFAULT_SOCKET}), {@code ssh.host},
 * {@code ssh.port} (22), {@code ssh.user} (root), {@code ssh.identity}, {@code ssh.knownHosts},
 * {@code serviceHost}, {@code linkAddress}, {@code workDir}, {@code link.user} (root), {@code link.identity},
 * {@code link.knownHosts} (files on that host).
 *
 * @param dockerTls    the TLS folder of a tcp:// endpoint, or {@code null} for none
 * @param dockerOnHost the daemon's unix socket as the host itself reaches it, or {@code null} for the default
 */
public record DockerHostConfig(String name, String docker, SshTarget ssh, String serviceHost, String linkAddress,
                               String workDir, LinkAccess linkAccess, String dockerTls, String dockerOnHost) {

    /** A host whose Docker endpoint needs no TLS. */
    public DockerHostConfig(String name, String docker, SshTarget ssh, String serviceHost, String linkAddress,
                            String workDir, LinkAccess linkAccess) {
        this(name, docker, ssh, serviceHost, linkAddress, workDir, linkAccess, null, null);
    }

    /**
     * Checks every value before anything connects or runs: names and addresses that would be shell syntax,
     * options or paths in a command are refused with the rule they break.
     *
     * @throws io.mecmig.core.InvalidMigrationException naming the field and how to fix it
     */
    public DockerHostConfig {
        Names.requireObjectName("host", name); // it ends up in paths on the hosts
        Objects.requireNonNull(ssh, "ssh");
        Objects.requireNonNull(linkAccess, "linkAccess");
        dockerEndpoint(docker, dockerTls, dockerOnHost);
        Names.requireHostAddress("service address (serviceHost) of host '" + name + "'", serviceHost);
        Names.requireHostAddress("link address (linkAddress) of host '" + name + "'", linkAddress);
        HostPaths.requireAbsolute("work folder (workDir) of host '" + name + "'", workDir);
    }

    /** The Docker endpoint these values describe, its TLS files checked. */
    public DockerEndpoint endpoint() {
        return dockerEndpoint(docker, dockerTls, dockerOnHost);
    }

    private static DockerEndpoint dockerEndpoint(String docker, String tls, String onHost) {
        return DockerEndpoint.of(docker, tls == null ? null : new DockerTls(Path.of(tls)), onHost);
    }

    /** Connects: a docker-java client (over TLS, checked with one call, when configured) and an SSH channel. */
    public DockerHost connect() {
        return DockerHost.builder(name).docker(endpoint()).ssh(ssh).serviceHost(serviceHost)
                .linkAddress(linkAddress).workDir(workDir).linkAccess(linkAccess).build();
    }

    /** Reads the host under {@code prefix} (for example {@code source.}) from {@code file}. */
    public static DockerHostConfig load(Path file, String prefix) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the hosts file " + file + " (bring the testbed up with"
                    + " ./mecmig testbed up, or write the file as DockerHostConfig describes)", e);
        }
        return from(p, prefix, file.toString());
    }

    /** Reads the host under {@code prefix} from {@code p}; {@code origin} names the source in errors. */
    public static DockerHostConfig from(Properties p, String prefix, String origin) {
        try {
            return read(new Values(p, prefix, origin));
        } catch (InvalidMigrationException e) {
            throw new InvalidMigrationException(e.getMessage() + " (read from " + origin + ", keys " + prefix
                    + "*: correct the value there)");
        }
    }

    private static DockerHostConfig read(Values v) {
        SshTarget ssh = new SshTarget(v.get("ssh.host"), v.port("ssh.port"),
                v.get("ssh.user", "root"), Path.of(v.get("ssh.identity")), Path.of(v.get("ssh.knownHosts")));
        LinkAccess link = new LinkAccess(v.get("link.user", "root"), v.get("link.identity"), v.get("link.knownHosts"));
        return new DockerHostConfig(v.get("name"), v.get("docker"), ssh, v.get("serviceHost"), v.get("linkAddress"),
                v.get("workDir"), link, v.get("docker.tls", null), v.get("docker.onHost", null));
    }

    /** Writes this host under {@code prefix} into {@code p}, the inverse of {@link #from}. */
    public void store(Properties p, String prefix) {
        p.setProperty(prefix + "name", name);
        p.setProperty(prefix + "docker", docker);
        if (dockerTls != null) {
            p.setProperty(prefix + "docker.tls", dockerTls);
        }
        if (dockerOnHost != null) {
            p.setProperty(prefix + "docker.onHost", dockerOnHost);
        }
        p.setProperty(prefix + "ssh.host", ssh.host());
        p.setProperty(prefix + "ssh.port", String.valueOf(ssh.port()));
        p.setProperty(prefix + "ssh.user", ssh.user());
        p.setProperty(prefix + "ssh.identity", ssh.identity().toString());
        p.setProperty(prefix + "ssh.knownHosts", ssh.knownHosts().toString());
        p.setProperty(prefix + "serviceHost", serviceHost);
        p.setProperty(prefix + "linkAddress", linkAddress);
        p.setProperty(prefix + "workDir", workDir);
        p.setProperty(prefix + "link.user", linkAccess.user());
        p.setProperty(prefix + "link.identity", linkAccess.identity());
        p.setProperty(prefix + "link.knownHosts", linkAccess.knownHosts());
    }

    private record Values(Properties p, String prefix, String origin) {
        String get(String key) {
            String value = p.getProperty(prefix + key);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(origin + " has no '" + prefix + key + "': add it (see DockerHostConfig)");
            }
            return value.trim();
        }

        int port(String key) {
            String value = get(key, "22");
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(origin + " has '" + prefix + key + "=" + value + "', not a port:"
                        + " give a number from 1 to 65535 (sshd's default is 22)");
            }
        }

        String get(String key, String fallback) {
            String value = p.getProperty(prefix + key);
            return value == null || value.isBlank() ? fallback : value.trim();
        }
    }
}
