package io.mecmig.criu;

import io.mecmig.core.Step;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.ssh.RemoteCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * <p>Docker's own tmpfs mounts are external mounts: the folders it masks ({@code /proc/acpi}, {@code /sys/firmware},
 * ...), {@code /dev} and, on cgroup v1 hosts, {@code /sys/fs/cgroup}. A dump records only their names, and a restore
 * binds the read-only folders of {@value #MOUNTS} there (the testbed's setup makes them and writes the same lines).
 * Without it CRIU archives each of them with {@code tar --gzip} at the dump and unpacks it at the restore, both
 * inside the downtime. So the check also makes sure that the restore's {@code /dev} and {@code /sys/fs/cgroup} hold
 * every entry the app's have (a device added with {@code --device} would otherwise be gone after the restore), and
 * that both hosts agree: a host that dumps them external and one that cannot mount them back would fail the restore.
 */
final class CriuConfigCheck {

    static final String CONFIG = "/etc/criu/runc.conf";
    /** The read-only folders a restore binds where Docker had its own tmpfs. */
    static final String MOUNTS = "/run/mecmig/criu-mounts";
    static final List<String> MASKED = List.of("/proc/acpi", "/proc/asound", "/proc/scsi", "/sys/firmware");
    private static final String MARK = "#mecmig: ";

    private CriuConfigCheck() {
    }

    /** Every line runc.conf must hold; the cgroup lines only where containers get a tmpfs at /sys/fs/cgroup. */
    static List<String> needed(boolean cgroupTmpfs) {
        List<String> needed = new ArrayList<>(List.of("tcp-established", "skip-in-flight", "tcp-close"));
        MASKED.forEach(folder -> needed.add("external mnt[" + folder + "]:mecmig-masked"));
        needed.add("external mnt[mecmig-masked]:" + MOUNTS + "/masked");
        needed.add("external mnt[/dev]:mecmig-dev");
        needed.add("external mnt[mecmig-dev]:" + MOUNTS + "/dev");
        if (cgroupTmpfs) {
            needed.add("external mnt[/sys/fs/cgroup]:mecmig-cgroup");
            needed.add("external mnt[mecmig-cgroup]:" + MOUNTS + "/cgroup");
        }
        return List.copyOf(needed);
    }

    static Step step() {
        return Step.onSource("check CRIU config", ctx -> {
            DockerHost source = ctx.source(DockerHost.class);
            DockerHost target = ctx.target(DockerHost.class);
            String container = ctx.app().container();
            Long pid = source.inspect(container, false).getState().getPidLong();
            if (pid == null || pid <= 0) {
                throw new CheckpointException("container '" + container + "' is not running on " + source.name()
                        + ": CRIU can only dump a running container");
            }
            Map<String, List<String>> onSource = read(source, "/proc/" + pid + "/root");
            Map<String, List<String>> onTarget = read(target, null);
            boolean cgroupTmpfs = "tmpfs".equals(first(onSource, "app cgroup type"));
            checkHost(source.name(), onSource, cgroupTmpfs);
            checkHost(target.name(), onTarget, cgroupTmpfs);
            checkEntries(container, "/dev", onSource.get("app dev"), onTarget.get("dev"), target.name());
            if (cgroupTmpfs) {
                checkEntries(container, "/sys/fs/cgroup", onSource.get("app cgroup"), onTarget.get("cgroup"),
                        target.name());
            }
        });
    }

    /**
     * In one round trip: runc.conf, the mounts' options and entries on a host, and with {@code appRoot} (the app's
     * root as the host sees it, or null) also the app's own /dev and /sys/fs/cgroup.
     */
    private static Map<String, List<String>> read(DockerHost host, String appRoot) {
        String script = "cat " + CONFIG + " 2>/dev/null; echo '" + MARK + "options'; findmnt -n -o OPTIONS --mountpoint "
                + MOUNTS + "; echo '" + MARK + "dev'; ls -A " + MOUNTS + "/dev 2>/dev/null; echo '" + MARK
                + "cgroup'; ls -A " + MOUNTS + "/cgroup 2>/dev/null; ";
        if (appRoot != null) {
            script += "echo '" + MARK + "app dev'; ls -A " + appRoot + "/dev; echo '" + MARK + "app cgroup'; ls -A "
                    + appRoot + "/sys/fs/cgroup; echo '" + MARK + "app cgroup type'; stat -f -c %T " + appRoot
                    + "/sys/fs/cgroup; ";
        }
        return sections(host.exec(RemoteCommand.of("sh", "-c", script + "true"), CheckpointSteps.SHORT).stdout());
    }

    /** Splits the output at the marker lines; what comes before the first one is the config. */
    static Map<String, List<String>> sections(String output) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = new ArrayList<>();
        sections.put("config", current);
        for (String line : output.lines().map(String::strip).toList()) {
            if (line.startsWith(MARK)) {
                current = new ArrayList<>();
                sections.put(line.substring(MARK.length()), current);
            } else if (!line.isEmpty()) {
                current.add(line);
            }
        }
        return sections;
    }

    private static String first(Map<String, List<String>> sections, String name) {
        List<String> lines = sections.getOrDefault(name, List.of());
        return lines.isEmpty() ? "" : lines.get(0);
    }

    static void checkHost(String host, Map<String, List<String>> view, boolean cgroupTmpfs) {
        List<String> config = view.getOrDefault("config", List.of());
        List<String> missing = missing(config, cgroupTmpfs);
        if (!missing.isEmpty()) {
            throw new CheckpointException(CONFIG + " on " + host + " lacks " + String.join(", ", missing)
                    + ": add one option per line there (./mecmig setup writes them), or CRIU refuses to dump a"
                    + " serving app or archives Docker's tmpfs mounts inside the downtime");
        }
        if (!cgroupTmpfs && config.contains("external mnt[/sys/fs/cgroup]:mecmig-cgroup")) {
            throw new CheckpointException("the app's /sys/fs/cgroup is not a tmpfs (cgroup v2), but " + CONFIG + " on "
                    + host + " names it external: a restore would put an empty folder there; remove the"
                    + " mecmig-cgroup lines from that file");
        }
        List<String> options = List.of(first(view, "options").split(","));
        if (!options.contains("ro")) {
            throw new CheckpointException(MOUNTS + " on " + host + " is not a read-only mount ("
                    + (options.get(0).isEmpty() ? "not mounted" : String.join(",", options)) + "): a restore binds"
                    + " its folders where Docker had its own tmpfs; run ./mecmig setup there (a reboot empties /run)");
        }
    }

    static List<String> missing(List<String> config, boolean cgroupTmpfs) {
        return needed(cgroupTmpfs).stream().filter(option -> !config.contains(option) && !config.contains("--" + option))
                .toList();
    }

    static void checkEntries(String container, String folder, List<String> app, List<String> restored, String target) {
        List<String> lacking = new ArrayList<>(app == null ? List.of() : app);
        lacking.removeAll(restored == null ? List.of() : restored);
        if (!lacking.isEmpty()) {
            throw new CheckpointException("container '" + container + "' has " + String.join(", ", lacking) + " in "
                    + folder + ", which the restore's " + folder + " (" + MOUNTS + " on " + target + ") lacks (a device"
                    + " added with --device?): it would be gone after the restore; migrate this app with fccp, or"
                    + " run it without the extra entries");
        }
    }
}
