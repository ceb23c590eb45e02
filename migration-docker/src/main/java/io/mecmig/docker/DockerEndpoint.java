package io.mecmig.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
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
        if (!scheme.equals("unix") && !scheme.equals("tcp")) {
            throw new IllegalArgumentException("Docker endpoint '" + uri + "' must be unix:///path/to/docker.sock"
                    + " or tcp://host:port");
        }
    }

    /** Parses {@code unix:///...} or {@code tcp://...}. */
    public static DockerEndpoint of(String uri) {
        return new DockerEndpoint(URI.create(uri));
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
