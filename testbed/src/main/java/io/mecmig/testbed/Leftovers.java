package io.mecmig.testbed;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandRunner;
import io.mecmig.testbed.exec.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds and removes what a host of the testbed may leave behind: processes in its network namespace
 * (dockerd, containerd, shims, sshd, docker-proxy) or in its containers' cgroups, and mounts below its
 * runtime and state folders.
 */
final class Leftovers {

    private static final Path PROC = Path.of("/proc");
    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

    private final CommandRunner runner;

    Leftovers(CommandRunner runner) {
        this.runner = runner;
    }

    /** The cgroup (below each controller's root) that a host's dockerd puts its containers in. */
    static String cgroupParent(String host) {
        return "mecmig-" + host;
    }

    /** Processes whose network namespace is the named one. */
    Set<Long> processesInNamespace(String host) {
        Set<Long> pids = new LinkedHashSet<>();
        Path ns = Netns.path(host);
        if (!Files.exists(ns)) {
            return pids;
        }
        String wanted;
        try {
            wanted = "net:[" + Files.getAttribute(ns, "unix:ino") + "]";
        } catch (IOException | UnsupportedOperationException e) {
            return pids;
        }
        try (Stream<Path> procs = Files.list(PROC)) {
            procs.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                try {
                    long pid = Long.parseLong(p.getFileName().toString());
                    if (Files.readSymbolicLink(p.resolve("ns/net")).toString().equals(wanted) && Pids.alive(pid)) {
                        pids.add(pid);
                    }
                } catch (IOException e) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            throw new TestbedException("cannot list processes in /proc: " + e.getMessage());
        }
        pids.remove(ProcessHandle.current().pid());
        return pids;
    }

    /** Processes in the host's container cgroups (every controller, cgroup v1 or v2). */
    Set<Long> processesInCgroups(String host) {
        Set<Long> pids = new LinkedHashSet<>();
        for (Path dir : cgroupDirs(host)) {
            try {
                for (String line : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                    if (!line.isBlank() && Pids.alive(Long.parseLong(line.strip()))) {
                        pids.add(Long.parseLong(line.strip()));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // removed meanwhile
            }
        }
        return pids;
    }

    /** Every process of the host: SIGTERM, then SIGKILL what is left after {@code grace}. Thaws paused containers first. */
    void killAll(String host, Duration grace) {
        thaw(host);
        Set<Long> pids = new LinkedHashSet<>(processesInNamespace(host));
        pids.addAll(processesInCgroups(host));
        if (pids.isEmpty()) {
            return;
        }
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
        Wait.until(grace, Duration.ofMillis(100), () -> pids.stream().noneMatch(Leftovers::alive));
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        Wait.until(Duration.ofSeconds(5), Duration.ofMillis(100), () -> pids.stream().noneMatch(Leftovers::alive));
        // Killing dockerd or a shim can leave a child that was started meanwhile: one more round.
        Set<Long> late = new LinkedHashSet<>(processesInNamespace(host));
        late.addAll(processesInCgroups(host));
        late.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        Wait.until(Duration.ofSeconds(5), Duration.ofMillis(100), () -> late.stream().noneMatch(Leftovers::alive));
    }

    /** Removes the host's (now empty) container cgroups. */
    void removeCgroups(String host) {
        List<Path> dirs = new ArrayList<>(cgroupDirs(host));
        dirs.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path dir : dirs) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // busy: reported by what remains
            }
        }
    }

    /** Mount points at or below the given folders, deepest first. */
    List<Path> mountsBelow(List<Path> roots) {
        List<Path> found = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] fields = line.split(" ");
                if (fields.length > 4) {
                    Path mountPoint = Path.of(fields[4].replace("\\040", " "));
                    if (roots.stream().anyMatch(mountPoint::startsWith)) {
                        found.add(mountPoint);
                    }
                }
            }
        } catch (IOException e) {
            throw new TestbedException("cannot read /proc/self/mountinfo: " + e.getMessage());
        }
        found.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        return found;
    }

    /** Unmounts everything at or below the given folders. */
    void unmountBelow(List<Path> roots) {
        for (Path mount : mountsBelow(roots)) {
            runner.run(Command.of("umount", "-l", mount.toString()));
        }
    }

    private void thaw(String host) {
        Path freezer = CGROUPS.resolve("freezer").resolve(cgroupParent(host));
        if (!Files.isDirectory(freezer)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(freezer)) {
            walk.filter(p -> p.getFileName().toString().equals("freezer.state")).forEach(state -> {
                try {
                    Files.writeString(state, "THAWED");
                } catch (IOException e) {
                    // gone meanwhile
                }
            });
        } catch (IOException e) {
            // nothing to thaw
        }
    }

    private static List<Path> cgroupDirs(String host) {
        List<Path> roots = new ArrayList<>();
        if (Files.isDirectory(CGROUPS.resolve(cgroupParent(host)))) {
            roots.add(CGROUPS.resolve(cgroupParent(host)));
        }
        try (Stream<Path> controllers = Files.list(CGROUPS)) {
            controllers.map(c -> c.resolve(cgroupParent(host))).filter(Files::isDirectory).forEach(roots::add);
        } catch (IOException e) {
            return List.of();
        }
        List<Path> dirs = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isDirectory).forEach(dirs::add);
            } catch (IOException e) {
                // removed meanwhile
            }
        }
        return dirs;
    }

    private static boolean alive(long pid) {
        return Pids.alive(pid);
    }
}
