package io.mecmig.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The resident memory of a container's processes, read from this machine's {@code /proc}: the container's first
 * process (its {@code State.Pid}) and every descendant of it. That is each process the image's CMD started (ASW:
 * memcached and the JVM), and none of the helpers a {@code docker exec} would add to the count.
 *
 * @param processes    how many processes were found
 * @param rssKilobytes the sum of their {@code VmRSS}, in kB
 */
public record ProcessMemory(int processes, long rssKilobytes) {

    private static final Path PROC = Path.of("/proc");

    /**
     * The memory of {@code pid} and its descendants now.
     *
     * @throws IllegalStateException when {@code pid} is not a process of this machine (an engine elsewhere)
     */
    public static ProcessMemory of(long pid) {
        return of(PROC, pid);
    }

    static ProcessMemory of(Path proc, long pid) {
        if (!Files.isDirectory(proc.resolve(Long.toString(pid)))) {
            throw new IllegalStateException("no process " + pid + " in " + proc + ": the Docker engine must run on this "
                    + "machine (pass --engine unix:///PATH of a local engine)");
        }
        Map<Long, List<Long>> children = childrenByParent(proc);
        long rss = 0;
        int count = 0;
        Deque<Long> todo = new ArrayDeque<>(List.of(pid));
        while (!todo.isEmpty()) {
            long next = todo.pop();
            Long kb = rssKilobytes(proc.resolve(next + "/status"));
            if (kb != null) {
                rss += kb;
                count++;
            }
            todo.addAll(children.getOrDefault(next, List.of()));
        }
        return new ProcessMemory(count, rss);
    }

    /** Parent pid to child pids, from every {@code /proc/PID/stat}. */
    private static Map<Long, List<Long>> childrenByParent(Path proc) {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> entries = Files.list(proc)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(dir -> {
                Long parent = parentOf(dir.resolve("stat"));
                if (parent != null) {
                    children.computeIfAbsent(parent, k -> new ArrayList<>()).add(Long.parseLong(dir.getFileName().toString()));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + proc, e);
        }
        return children;
    }

    /** The 4th field of {@code stat}, counted after the command name in parentheses (which may hold spaces). */
    static Long parentOf(Path stat) {
        String text = readOrNull(stat);
        if (text == null) {
            return null;
        }
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[1]);
    }

    /** {@code VmRSS} of a {@code status} file in kB; null when the process is gone, 0 for a kernel thread. */
    static Long rssKilobytes(Path status) {
        String text = readOrNull(status);
        if (text == null) {
            return null;
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return 0L;
    }

    private static String readOrNull(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return null; // the process ended meanwhile
        } catch (IOException e) {
            return null; // e.g. permission, or gone while reading
        }
    }
}
