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
 * Where a host's dockerd listens, as the orchestrator reaches it ({@code unix:///run/.../docker.sock} or
 * {@code tcp://host:2375}), and as the host's own docker CLI reaches it ({@link #cliHost()}).
 *
 * @param uri the Engine API endpoint
 */
public record DockerEndpoint(URI uri) {

    public DockerEndpoint {
        Objects.requireNonNull(uri, "uri");
        String scheme = String.valueOf(uri.getScheme());
        if (scheme.equals("unix")) {
            HostPaths.requireAbsolute("Docker socket path in '" + uri + "'", uri.getPath());
        } else if (scheme.equals("tcp")) {
            Names.requireHostAddress("Docker endpoint's host in '" + uri + "'", uri.getHost());
            if (uri.getPort() < 1) {
                throw new InvalidMigrationException("Docker endpoint '" + uri + "' has no port: add it, for example"
                        + " tcp://10.77.0.2:2376");
            }
        } else {
            throw new InvalidMigrationException("Docker endpoint '" + uri + "' has an unknown scheme: use"
                    + " unix:///path/to/docker.sock or tcp://host:port");
        }
    }

    /**
     * Parses {@code unix:///...} or {@code tcp://...}.
     *
     * @throws InvalidMigrationException when it is missing, not a URI, or neither
     */
    public static DockerEndpoint of(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new InvalidMigrationException("no Docker endpoint given: set it to unix:///path/to/docker.sock"
                    + " or tcp://host:port");
        }
        try {
            return new DockerEndpoint(URI.create(uri));
        } catch (IllegalArgumentException e) {
            throw new InvalidMigrationException("Docker endpoint '" + uri + "' is not a URI (" + e.getMessage()
                    + "): write it as unix:///path/to/docker.sock or tcp://host:port");
        }
    }

    /** The value for the docker CLI's {@code -H} option on the host itself. */
    public String cliHost() {
        return uri.toString();
    }

    /**
     * A raw Engine API client, for calls docker-java lacks (checkpoint create, start from a checkpoint).
     * The caller closes it.
     */
    public DockerHttpClient httpClient() {
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
