package io.mecmig.criu;

import io.mecmig.core.Step;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.ssh.RemoteCommand;
import java.util.List;

/**
 * Checks, before anything is frozen, that CRIU on both hosts is configured for a live app: runc passes
 * {@code /etc/criu/runc.conf} to CRIU for Docker's checkpoints and for direct {@code runc checkpoint} alike.
 * {@code tcp-established} lets CRIU dump open TCP connections (the app's connection to memcached);
 * {@code skip-in-flight} lets it dump while a client's connection waits in the listen queue (the UE keeps
 * calling), which CRIU otherwise refuses ("In-flight connection"); {@code tcp-close} restores established
 * connections closed, because on the target the container has another IP address and CRIU cannot bind a
 * connection back to the source's ("Can't bind inet socket back: Cannot assign requested address"). Memory
 * state is all kept; clients and the app's own clients (memcached) reconnect.
 */
final class CriuConfigCheck {

    static final String CONFIG = "/etc/criu/runc.conf";
    static final List<String> NEEDED = List.of("tcp-established", "skip-in-flight", "tcp-close");

    private CriuConfigCheck() {
    }

    static Step step() {
        return Step.onSource("check CRIU config", ctx -> {
            check(ctx.source(DockerHost.class));
            check(ctx.target(DockerHost.class));
        });
    }

    static void check(DockerHost host) {
        String config = host.exec(RemoteCommand.of("sh", "-c", "cat " + CONFIG + " 2>/dev/null; true"),
                CheckpointSteps.SHORT).stdout();
        List<String> missing = missing(config);
        if (!missing.isEmpty()) {
            throw new CheckpointException(CONFIG + " on " + host.name() + " lacks " + String.join(", ", missing)
                    + ": add one option per line there (./mecmig setup writes them), or CRIU refuses to dump a"
                    + " serving app");
        }
    }

    static List<String> missing(String config) {
        List<String> lines = config.lines().map(String::strip).toList();
        return NEEDED.stream().filter(option -> !lines.contains(option) && !lines.contains("--" + option)).toList();
    }
}
