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

    private Optional<String> query(Path socket, String what, String format) {
        try {
            CommandResult result = runner.run(Command.of("docker", "-H", "unix://" + socket, what, "--format", format)
                    .withTimeout(Duration.ofSeconds(10)));
            return result.ok() && !result.stdout().isBlank() ? Optional.of(result.stdout().strip()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
