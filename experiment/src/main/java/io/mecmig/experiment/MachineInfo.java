package io.mecmig.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** One line describing this machine for the report: cores, memory, kernel, Java. */
public final class MachineInfo {

    private MachineInfo() {
    }

    /** For example {@code 2 cores, 24 GB RAM, Linux 6.18.0, Java 17.0.16}, plus {@code extra} when given. */
    public static String describe(String extra) {
        StringBuilder s = new StringBuilder();
        s.append(Runtime.getRuntime().availableProcessors()).append(" cores");
        memoryGb().ifPresent(gb -> s.append(", ").append(gb).append(" GB RAM"));
        s.append(", ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"));
        s.append(", Java ").append(System.getProperty("java.version"));
        if (extra != null && !extra.isBlank()) {
            s.append(", ").append(extra);
        }
        return s.toString();
    }

    private static Optional<Long> memoryGb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return Optional.of(Math.round(kb / 1024.0 / 1024.0));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
