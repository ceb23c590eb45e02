package io.mecmig.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.mecmig.core.InvalidMigrationException;
import io.mecmig.core.Names;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a host's dockerd listens, as the orchestrator reaches it, and as the host's own docker CLI reaches it
 * ({@link #cliHost()}). Three kinds suit a real remote host:
 * <ul>
 *   <li>{@code ssh+unix:///var/run/docker.sock}: that socket on the host, reached through the host's SSH channel
 *       (nothing but sshd listens on the network);</li>
 *   <li>{@code tcp://host:2376} with {@link DockerTls}: mutual TLS, as {@code dockerd --tlsverify} serves it;</li>
 *   <li>{@code unix:///...}: a socket on this machine.</li>
 * </ul>
 * A plain {@code tcp://} endpoint (no TLS) is accepted on loopback addresses only (an SSH tunnel's local end):
 * anywhere else it would give root on that host to anyone on the network.
 *
 * @param uri    the Engine API endpoint
 * @param onHost the same dockerd as seen from the host itself
 * @param tls    the client's TLS files for a {@code tcp://} endpoint with TLS, or {@code null}
 */
public record DockerEndpoint(URI uri, URI onHost, DockerTls tls) {

    /** The scheme of a unix socket on the host, reached through the host's SSH channel. */
    public static final String THROUGH_SSH = "ssh+unix";

    /** Where the host's own docker CLI finds a dockerd served over TLS, unless told otherwise: docker's default. */
    public static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";

    /** An endpoint the orchestrator and the host both reach at {@code uri}. */
    public DockerEndpoint(URI uri) {
        this(uri, uri);
    }

    /** An endpoint without TLS. */
    public DockerEndpoint(URI uri, URI onHost) {
        this(uri, onHost, null);
    }

    public DockerEndpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(onHost, "onHost");
        String scheme = String.valueOf(uri.getScheme());
        if (scheme.equals("unix") || scheme.equals(THROUGH_SSH)) {
            HostPaths.requireAbsolute("Docker socket path in '" + uri + "'", uri.getPath());
            if (tls != null) {
                throw new InvalidMigrationException("Docker endpoint '" + uri + "' is a socket, and TLS (" + tls.folder()
                        + ") is for tcp:// endpoints: drop the TLS folder, or give the daemon's tcp://host:2376");
            }
        } else if (scheme.equals("tcp")) {
            Names.requireHostAddress("Docker endpoint's host in '" + uri + "'", uri.getHost());
            if (uri.getPort() < 1) {
                throw new InvalidMigrationException("Docker endpoint '" + uri + "' has no port: add it, for example"
                        + " tcp://10.77.0.2:2376");
            }
            if (tls == null && !isLoopback(uri.getHost())) {
                throw new InvalidMigrationException("Docker endpoint '" + uri + "' is plain TCP to another machine:"
                        + " anyone on that network could drive its dockerd, which is root on it. Use TLS (a folder"
                        + " with ca.pem, cert.pem and key.pem, the hosts file's docker.tls; dockerd --tlsverify on"
                        + " port 2376) or reach the daemon's socket through SSH (ssh+unix:///var/run/docker.sock)");
            }
        } else {
            throw new InvalidMigrationException("Docker endpoint '" + uri + "' has an unknown scheme: use"
                    + " unix:///path/to/docker.sock, ssh+unix:///path/to/docker.sock or tcp://host:port");
        }
    }

    /**
     * Parses {@code unix:///...}, {@code ssh+unix:///...} or {@code tcp://...}.
     *
     * @throws InvalidMigrationException when it is missing, not a URI, or none of these
     */
    public static DockerEndpoint of(String uri) {
        return of(uri, null, null);
    }

    /**
     * Parses {@code uri} as {@link #of(String)} does, with TLS when {@code tls} is given ({@code tcp://} only).
     *
     * @param onHost where the host's own docker CLI reaches the same dockerd ({@code unix:///...}), or
     *               {@code null}: the endpoint itself, or {@value #DEFAULT_SOCKET} for a TLS endpoint (whose
     *               client files are on this machine, not on the host)
     * @throws InvalidMigrationException naming the bad value and the fix
     */
    public static DockerEndpoint of(String uri, DockerTls tls, String onHost) {
        DockerEndpoint parsed = parse(uri, tls);
        if (onHost == null || onHost.isBlank()) {
            return tls == null ? parsed : new DockerEndpoint(parsed.uri, URI.create(DEFAULT_SOCKET), tls);
        }
        DockerEndpoint local = parse(onHost.strip(), null);
        if (!"unix".equals(local.uri.getScheme())) {
            throw new InvalidMigrationException("the Docker endpoint on the host itself (docker.onHost) '" + onHost
                    + "' must be the daemon's unix socket there, e.g. " + DEFAULT_SOCKET);
        }
        return new DockerEndpoint(parsed.uri, local.uri, tls);
    }

    private static DockerEndpoint parse(String uri, DockerTls tls) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidMigrationException("no Docker endpoint given: set it to unix:///path/to/docker.sock"
                    + " or tcp://host:port");
        }
        try {
            URI parsed = URI.create(uri);
            DockerEndpoint checked = new DockerEndpoint(parsed, parsed, tls);
            return checked.throughSsh() ? new DockerEndpoint(checked.uri, URI.create("unix://" + checked.uri.getPath()))
                    : checked;
        } catch (IllegalArgumentException e) {
            throw new InvalidMigrationException("Docker endpoint '" + uri + "' is not a URI (" + e.getMessage()
                    + "): write it as unix:///path/to/docker.sock or tcp://host:port");
        }
    }

    /** Whether the orchestrator must reach this socket through the host's SSH channel. */
    public boolean throughSsh() {
        return THROUGH_SSH.equals(uri.getScheme());
    }

    /** This endpoint, reached at {@code local} (a tunnel's local end) by the orchestrator. */
    public DockerEndpoint reachedAt(URI local) {
        return new DockerEndpoint(local, onHost, tls);
    }

    /** The client's TLS files, when this endpoint is served over TLS. */
    public Optional<DockerTls> tlsFiles() {
        return Optional.ofNullable(tls);
    }

    /** Whether {@code host} names this machine's loopback, where only local users reach a plain listener. */
    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("[::1]") || host.equals("::1")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** The value for the docker CLI's {@code -H} option on the host itself. */
    public String cliHost() {
        return onHost.toString();
    }

    /**
     * A raw Engine API client, for calls docker-java lacks (checkpoint create, start from a checkpoint).
     * The caller closes it.
     */
    public DockerHttpClient httpClient() {
        if (throughSsh()) {
            throw new IllegalStateException(uri + " is reached through SSH: use the endpoint of the connected"
                    + " DockerHost (DockerHost.endpoint()), which goes through its tunnel");
        }
        return new ZerodepDockerHttpClient.Builder()
                .dockerHost(uri)
                .sslConfig(tls == null ? null : tls.sslConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(5))
                .maxConnections(16)
                .build();
    }

    /** A docker-java client over {@link #httpClient()}; the caller closes it. */
    public DockerClient client() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(uri.toString())
                .withDockerTlsVerify(tls != null)
                .withDockerCertPath(tls == null ? null : tls.folder().toString())
                .build();
        return DockerClientImpl.getInstance(config, httpClient());
    }

    /**
     * Calls the daemon once ({@code GET /_ping}), so that a TLS endpoint whose certificates do not match fails
     * here, before anything runs, with what to fix instead of a handshake error in the middle of a step.
     *
     * @throws InvalidMigrationException when the daemon cannot be reached or refuses this client
     */
    public void requireAnswering() {
        DockerHttpClient.Request ping = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/_ping").build();
        try (DockerHttpClient client = httpClient(); DockerHttpClient.Response response = client.execute(ping)) {
            if (response.getStatusCode() != 200) {
                throw new InvalidMigrationException("the Docker daemon at " + uri + " answered /_ping with HTTP "
                        + response.getStatusCode() + ": check that the endpoint is a Docker Engine API");
            }
        } catch (InvalidMigrationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidMigrationException(tls == null ? "cannot reach the Docker daemon at " + uri + " ("
                    + e.getMessage() + "): check that it runs and listens there" : tls.explain(uri, e));
        }
    }

    @Override
    public String toString() {
        return tls == null ? uri.toString() : uri + " (TLS, " + tls.folder() + ")";
    }
}
