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
 *   <li>{@code external mnt[PATH]:mecmig-masked} for each folder Docker masks with an empty read-only tmpfs
 *       ({@code /proc/acpi}, {@code /proc/asound}, {@code /proc/scsi}, {@code /sys/firmware}, those the kernel has),
 *       and {@code external mnt[mecmig-masked]:FOLDER}: CRIU would otherwise archive each of those empty tmpfs with
 *       {@code tar --gzip} at every dump and unpack it at every restore (three processes each, 20-60 ms apiece here,
 *       inside the downtime). A dump names them external instead, and a restore bind-mounts the empty folder
 *       {@code FOLDER} there, read-only as the mask was: the paths stay masked.</li>
 * </ul>
 */
public final class CriuRuncConfigStep implements SetupStep {

    static final List<String> TCP_OPTIONS = List.of("tcp-established", "skip-in-flight", "tcp-close");
    /** The folders Docker (runc) masks with an empty read-only tmpfs; migration-criu checks for the same lines. */
    static final List<String> MASKED_FOLDERS = List.of("/proc/acpi", "/proc/asound", "/proc/scsi", "/sys/firmware");
    static final String MASKED_KEY = "mecmig-masked";

    private final SetupPaths paths;

    public CriuRuncConfigStep(SetupPaths paths) {
        this.paths = paths;
    }

    /** The empty folder a restore mounts where Docker had masked a folder. */
    Path maskedFolder() {
        return paths.criuConfigDir().resolve(MASKED_KEY);
    }

    /** Every line the file must hold. */
    List<String> options() {
        List<String> options = new ArrayList<>(TCP_OPTIONS);
        MASKED_FOLDERS.forEach(folder -> options.add("external mnt[" + folder + "]:" + MASKED_KEY));
        options.add("external mnt[" + MASKED_KEY + "]:" + maskedFolder());
        return options;
    }

    private Path file() {
        return paths.criuConfigDir().resolve("runc.conf");
    }

    @Override
    public String title() {
        return String.join(", ", TCP_OPTIONS) + " and masked folders external in " + file() + ", empty " + maskedFolder();
    }

    @Override
    public boolean isDone() {
        return missing().isEmpty() && Files.isDirectory(maskedFolder());
    }

    @Override
    public String apply() {
        List<String> missing = missing();
        try {
            Files.createDirectories(maskedFolder());
            if (!missing.isEmpty()) {
                String existing = Files.exists(file()) ? Files.readString(file()) : "";
                String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
                Files.writeString(file(), existing + separator + String.join("\n", missing) + "\n");
            }
        } catch (IOException e) {
            throw new SetupException("cannot write " + file() + " or make " + maskedFolder() + ": " + e.getMessage());
        }
        return missing.isEmpty() ? "made " + maskedFolder() : "added " + String.join(", ", missing);
    }

    @Override
    public String verify() {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new SetupException(file() + " lacks " + String.join(", ", missing) + ": add one per line by hand");
        }
        if (!Files.isDirectory(maskedFolder())) {
            throw new SetupException(maskedFolder() + " is missing: make it, an empty folder (mkdir -p)");
        }
        return file() + " has " + String.join(", ", options());
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
