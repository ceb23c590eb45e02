package io.mecmig.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.mecmig.core.InvalidMigrationException;
import io.mecmig.core.Names;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a host's dockerd listens, as the orchestrator reaches it ({@code unix:///run/.../docker.sock},
 * {@code tcp://host:2375}, or {@code ssh+unix:///run/.../docker.sock}: that socket on the host, reached through
 * the host's SSH channel), and as the host's own docker CLI reaches it ({@link #cliHost()}).
 *
 * @param uri the Engine API endpoint
 * @param onHost the same dockerd as seen from the host itself
 */
public record DockerEndpoint(URI uri, URI onHost) {

    /** The scheme of a unix socket on the host, reached through the host's SSH channel. */
    public static final String THROUGH_SSH = "ssh+unix";

    /** An endpoint the orchestrator and the host both reach at {@code uri}. */
    public DockerEndpoint(URI uri) {
        this(uri, uri);
    }

    public DockerEndpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(onHost, "onHost");
        String scheme = String.valueOf(uri.getScheme());
        if (scheme.equals("unix") || scheme.equals(THROUGH_SSH)) {
            HostPaths.requireAbsolute("Docker socket path in '" + uri + "'", uri.getPath());
        } else if (scheme.equals("tcp")) {
            Names.requireHostAddress("Docker endpoint's host in '" + uri + "'", uri.getHost());
            if (uri.getPort() < 1) {
                throw new InvalidMigrationException("Docker endpoint '" + uri + "' has no port: add it, for example"
                        + " tcp://10.77.0.2:2376");
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
        if (uri == null || uri.isBlank()) {
            throw new InvalidMigrationException("no Docker endpoint given: set it to unix:///path/to/docker.sock"
                    + " or tcp://host:port");
        }
        try {
            DockerEndpoint checked = new DockerEndpoint(URI.create(uri));
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
        return new DockerEndpoint(local, onHost);
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
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(5))
                .maxConnections(16)
                .build();
    }

    /** A docker-java client over {@link #httpClient()}; the caller closes it. */
    public DockerClient client() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(uri.toString())
                .withDockerTlsVerify(false)
                .build();
        return DockerClientImpl.getInstance(config, httpClient());
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
