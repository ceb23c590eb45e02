package io.mecmig.testbed;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandResult;
import io.mecmig.testbed.exec.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Asks a Docker Engine on a unix socket whether it answers, through the docker CLI. */
public final class DockerProbe {

    private final CommandRunner runner;

    public DockerProbe(CommandRunner runner) {
        this.runner = runner;
    }

    /** The engine's version when it answers on {@code socket}, else empty. */
    public Optional<String> serverVersion(Path socket) {
        return query(socket, "version", "{{.Server.Version}}");
    }

    /** True when the engine on {@code socket} runs with experimental features (needed for checkpoints). */
    public boolean experimental(Path socket) {
        return query(socket, "info", "{{.ExperimentalBuild}}").map("true"::equals).orElse(false);
    }

    /**
     * The engine's version when it answers over mutual TLS at {@code uri} ({@code tcp://HOST:PORT}) to the client
     * whose {@code ca.pem}, {@code cert.pem} and {@code key.pem} are in {@code clientFolder}, else empty.
     */
    public Optional<String> serverVersionOverTls(java.net.URI uri, Path clientFolder) {
        return query(Command.of("docker", "--tlsverify", "--tlscacert", clientFolder.resolve("ca.pem").toString(),
                "--tlscert", clientFolder.resolve("cert.pem").toString(), "--tlskey",
                clientFolder.resolve("key.pem").toString(), "-H", uri.toString(), "version", "--format",
                "{{.Server.Version}}"));
    }

    private Optional<String> query(Path socket, String what, String format) {
        return query(Command.of("docker", "-H", "unix://" + socket, what, "--format", format));
    }

    private Optional<String> query(Command command) {
        try {
            CommandResult result = runner.run(command.withTimeout(Duration.ofSeconds(10)));
            return result.ok() && !result.stdout().isBlank() ? Optional.of(result.stdout().strip()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
