package io.mecmig.criu;

import io.mecmig.core.Step;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.ssh.RemoteCommand;
import java.util.ArrayList;
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
 *
 * <p>The folders Docker masks with an empty read-only tmpfs ({@code /proc/acpi}, {@code /sys/firmware}, ...) are
 * external mounts: a dump records only their name, and a restore mounts the empty folder {@value #MASKED_FOLDER}
 * there, read-only as the mask was. Without it CRIU archives each of them with {@code tar --gzip} at the dump and
 * unpacks it at the restore, both inside the downtime. A host that dumps them external and one that cannot mount
 * them back would fail the restore, hence both hosts are checked. The testbed's setup writes the same lines.
 */
final class CriuConfigCheck {

    static final String CONFIG = "/etc/criu/runc.conf";
    static final String MASKED_KEY = "mecmig-masked";
    /** The empty folder a restore mounts where Docker had masked a folder. */
    static final String MASKED_FOLDER = "/etc/criu/" + MASKED_KEY;
    static final List<String> MASKED = List.of("/proc/acpi", "/proc/asound", "/proc/scsi", "/sys/firmware");
    static final List<String> NEEDED = needed();
    /** What the check prints when the masked folder is missing; no runc.conf line looks like it. */
    private static final String NO_FOLDER = "#mecmig: no masked folder";

    private CriuConfigCheck() {
    }

    private static List<String> needed() {
        List<String> needed = new ArrayList<>(List.of("tcp-established", "skip-in-flight", "tcp-close"));
        MASKED.forEach(folder -> needed.add("external mnt[" + folder + "]:" + MASKED_KEY));
        needed.add("external mnt[" + MASKED_KEY + "]:" + MASKED_FOLDER);
        return List.copyOf(needed);
    }

    static Step step() {
        return Step.onSource("check CRIU config", ctx -> {
            check(ctx.source(DockerHost.class));
            check(ctx.target(DockerHost.class));
        });
    }

    static void check(DockerHost host) {
        String config = host.exec(RemoteCommand.of("sh", "-c", "cat " + CONFIG + " 2>/dev/null; [ -d " + MASKED_FOLDER
                + " ] || echo '" + NO_FOLDER + "'; true"), CheckpointSteps.SHORT).stdout();
        List<String> missing = missing(config);
        if (!missing.isEmpty()) {
            throw new CheckpointException(CONFIG + " on " + host.name() + " lacks " + String.join(", ", missing)
                    + ": add one option per line there (./mecmig setup writes them), or CRIU refuses to dump a"
                    + " serving app or archives Docker's masked folders inside the downtime");
        }
        if (config.lines().anyMatch(NO_FOLDER::equals)) {
            throw new CheckpointException(MASKED_FOLDER + " is missing on " + host.name() + ": CRIU restores Docker's"
                    + " masked folders from it; make it an empty folder there (mkdir -p " + MASKED_FOLDER
                    + "; ./mecmig setup does)");
        }
    }

    static List<String> missing(String config) {
        List<String> lines = config.lines().map(String::strip).toList();
        return NEEDED.stream().filter(option -> !lines.contains(option) && !lines.contains("--" + option)).toList();
    }
}
