package io.mecmig.testbed.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CRIU options runc passes from {@code /etc/criu/runc.conf} on every checkpoint and restore:
 * <ul>
 *   <li>{@code tcp-established}: a container holding an open TCP connection can be checkpointed at all;</li>
 *   <li>{@code skip-in-flight}: a dump does not fail while a client connection waits to be accepted
 *       (the UE-side probe makes exactly that happen);</li>
 *   <li>{@code tcp-close}: the restored container has another IP address, so its outside connections
 *       cannot be bound back; they come back closed and clients reconnect, memory state is all kept;</li>
 *   <li>{@code network-lock skip}: CRIU does not wall the app's network namespace off with iptables rules for the
 *       freeze (two {@code iptables-restore} runs at the dump, two more at the restore to take them down: 40-85 ms
 *       each way here, all downtime). The lock keeps established connections exact while they are dumped, which
 *       {@code tcp-close} makes moot: they come back closed;</li>
 *   <li>{@code external mnt[PATH]:KEY} for Docker's own tmpfs mounts, and {@code external mnt[KEY]:FOLDER}: the
 *       masked folders ({@code /proc/acpi}, {@code /proc/asound}, {@code /proc/scsi}, {@code /sys/firmware}: key
 *       {@code mecmig-masked}), {@code /dev} ({@code mecmig-dev}) and, where it is a tmpfs, {@code /sys/fs/cgroup}
 *       ({@code mecmig-cgroup}). CRIU would otherwise archive each of them with {@code tar --gzip} at every dump
 *       and unpack it at every restore, inside the downtime. A dump names them external instead, and a restore
 *       bind-mounts the matching read-only folder of {@link CriuMountsStep} there.</li>
 * </ul>
 */
public final class CriuRuncConfigStep implements SetupStep {

    static final List<String> PLAIN_OPTIONS = List.of("tcp-established", "skip-in-flight", "tcp-close", "network-lock skip");
    /** The folders Docker (runc) masks with an empty read-only tmpfs; migration-criu checks for the same lines. */
    static final List<String> MASKED_FOLDERS = List.of("/proc/acpi", "/proc/asound", "/proc/scsi", "/sys/firmware");
    static final String MASKED_KEY = "mecmig-masked";
    static final String DEV_KEY = "mecmig-dev";
    static final String CGROUP_KEY = "mecmig-cgroup";
    /** How mecmig's own external keys start; a line mapping one of them elsewhere is an older setup's. */
    private static final String OWN_KEY_LINE = "external mnt[mecmig-";

    private final SetupPaths paths;
    private final boolean cgroupTmpfs;

    /**
     * @param cgroupTmpfs whether containers here get a tmpfs at {@code /sys/fs/cgroup} (cgroup v1 or hybrid)
     */
    public CriuRuncConfigStep(SetupPaths paths, boolean cgroupTmpfs) {
        this.paths = paths;
        this.cgroupTmpfs = cgroupTmpfs;
    }

    /** Every line the file must hold. */
    List<String> options() {
        Path mounts = paths.criuMounts();
        List<String> options = new ArrayList<>(PLAIN_OPTIONS);
        MASKED_FOLDERS.forEach(folder -> options.add("external mnt[" + folder + "]:" + MASKED_KEY));
        options.add("external mnt[" + MASKED_KEY + "]:" + mounts.resolve("masked"));
        options.add("external mnt[/dev]:" + DEV_KEY);
        options.add("external mnt[" + DEV_KEY + "]:" + mounts.resolve("dev"));
        if (cgroupTmpfs) {
            options.add("external mnt[/sys/fs/cgroup]:" + CGROUP_KEY);
            options.add("external mnt[" + CGROUP_KEY + "]:" + mounts.resolve("cgroup"));
        }
        return options;
    }

    private Path file() {
        return paths.criuConfigDir().resolve("runc.conf");
    }

    @Override
    public String title() {
        return String.join(", ", PLAIN_OPTIONS) + " and Docker's tmpfs mounts external in " + file();
    }

    @Override
    public boolean isDone() {
        return missing().isEmpty() && stale().isEmpty();
    }

    @Override
    public String apply() {
        List<String> missing = missing();
        List<String> stale = stale();
        try {
            List<String> kept = Files.exists(file()) ? new ArrayList<>(Files.readAllLines(file())) : new ArrayList<>();
            kept.removeIf(line -> stale.contains(line.strip()));
            kept.addAll(missing);
            // A machine without a CRIU package has no /etc/criu: runc reads the file all the same.
            Files.createDirectories(file().getParent());
            Files.writeString(file(), kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
        } catch (IOException e) {
            throw new SetupException("cannot write " + file() + ": " + e.getMessage());
        }
        return (missing.isEmpty() ? "" : "added " + String.join(", ", missing))
                + (stale.isEmpty() ? "" : (missing.isEmpty() ? "" : "; ") + "removed " + String.join(", ", stale));
    }

    @Override
    public String verify() {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new SetupException(file() + " lacks " + String.join(", ", missing) + ": add one per line by hand");
        }
        List<String> stale = stale();
        if (!stale.isEmpty()) {
            throw new SetupException(file() + " maps mecmig's mounts elsewhere too (" + String.join(", ", stale)
                    + "): remove those lines");
        }
        return file() + " has " + String.join(", ", options());
    }

    /** mecmig's own keys mapped to other folders (an older setup's lines): CRIU would take either. */
    private List<String> stale() {
        List<String> options = options();
        try {
            if (!Files.exists(file())) {
                return List.of();
            }
            return Files.readAllLines(file()).stream().map(String::strip)
                    .filter(line -> line.startsWith(OWN_KEY_LINE) && !options.contains(line)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private List<String> missing() {
        List<String> missing = options();
        try {
            if (Files.exists(file())) {
                Files.readAllLines(file()).stream().map(String::strip).forEach(missing::remove);
            }
        } catch (IOException e) {
            return options();
        }
        return missing;
    }
}
