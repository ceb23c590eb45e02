package io.mecmig.images;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The few Docker Engine calls the image build makes (docker-java over the engine's socket). */
final class DockerEngine implements AutoCloseable {

    private final URI uri;
    private final DockerClient client;

    DockerEngine(URI uri) {
        this(uri, null);
    }

    /** @param tls a folder with ca.pem, cert.pem, key.pem for a tcp:// engine served over mutual TLS, or null */
    DockerEngine(URI uri, Path tls) {
        this.uri = uri;
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(uri.toString()).build();
        this.client = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).connectionTimeout(Duration.ofSeconds(5))
                .sslConfig(tls == null ? null : new com.github.dockerjava.core.LocalDirectorySSLConfig(tls.toString()))
                .responseTimeout(Duration.ofMinutes(10)).build());
    }

    /** Fails with a clear message when no engine answers at the URI. */
    void ping() {
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new ImageBuildException("no Docker engine answers at " + uri + " (" + e.getMessage() + "): start dockerd "
                    + "(./mecmig setup does) or pass --engine unix:///path/to/docker.sock", e);
        }
    }

    DockerClient client() {
        return client;
    }

    /** The image called {@code reference}, if the engine has it. */
    Optional<InspectImageResponse> inspect(String reference) {
        try {
            return Optional.of(client.inspectImageCmd(reference).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Makes image {@code reference} from a root filesystem tarball: the equivalent of {@code docker import}, done as
     * a build {@code FROM scratch} that adds the tarball (scratch needs no registry, and the build API streams the
     * tarball reliably where docker-java's import call cut it short).
     */
    void importRootfs(Path tarball, String reference) {
        Path context = tarball.getParent().resolve("import-context");
        try {
            Files.createDirectories(context);
            Files.move(tarball, context.resolve("rootfs.tar"));
            Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nADD rootfs.tar /\nCMD [\"/bin/sh\"]\n");
            build(context, Set.of(reference));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the import of " + tarball, e);
        }
    }

    /** {@code docker build} of {@code context} (its Dockerfile at the top), offline, tagged with every tag. */
    String build(Path context, Set<String> tags) {
        return build(context, tags, java.util.Map.of());
    }

    /** {@code docker build} with build arguments. */
    String build(Path context, Set<String> tags, java.util.Map<String, String> buildArgs) {
        var command = client.buildImageCmd(context.toFile());
        buildArgs.forEach(command::withBuildArg);
        return command
                .withTags(tags)
                .withPull(false)
                .withNetworkMode("none")
                .withRemove(true)
                .exec(new BuildImageResultCallback())
                .awaitImageId();
    }

    /** {@code docker tag image repository:tag}. */
    void tag(String image, String repository, String tag) {
        client.tagImageCmd(image, repository, tag).withForce(true).exec();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
