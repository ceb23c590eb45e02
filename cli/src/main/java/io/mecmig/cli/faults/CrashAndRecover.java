package io.mecmig.cli.faults;

import io.mecmig.core.SecureFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The orchestrator's crash, for real: {@code mecmig migrate} runs in a process of its own with a journal;
 * once the journal shows relocation's first transfer starting (the app is stopped by then), that process is
 * killed with SIGKILL. Then {@code mecmig recover} runs, in another process, on the same journal and the
 * testbed's hosts, and must finish or roll back the migration.
 */
final class CrashAndRecover {

    private static final Pattern RESOLUTION = Pattern.compile("-> ([A-Z_]+)");
    private static final Duration MIGRATE_LIMIT = Duration.ofMinutes(3);
    private static final Duration RECOVER_LIMIT = Duration.ofMinutes(3);

    private final FaultBench bench;

    CrashAndRecover(FaultBench bench) {
        this.bench = bench;
    }

    /**
     * @param resolution recover's verdict (FINISHED, ROLLED_BACK, FAILED) or why there was none
     * @param downtime from the kill to the end of recover: the app was already stopped at the kill
     * @param what what happened, in one line
     */
    record Result(String resolution, Duration downtime, String what) {
    }

    Result run(String strategy) {
        Path work = tempDir();
        Path journal = SecureFiles.privateDirectory(work.resolve("journal"));
        try {
            Process migrate = mecmig(work.resolve("migrate.log"), "migrate", "--app", bench.appKey, "--strategy",
                    strategy, "--network", bench.network.cliName(), "--journal", journal.toString());
            String moment = awaitRelocationTransfer(migrate, journal);
            if (moment == null) {
                return new Result("NO-CRASH", null, "migrate ended (exit " + exitOf(migrate)
                        + ") before relocation's first transfer: nothing was killed; " + tail(work.resolve("migrate.log")));
            }
            long killedAt = System.nanoTime();
            migrate.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            migrate.waitFor(10, TimeUnit.SECONDS);
            Process recover = mecmig(work.resolve("recover.log"), "recover", "--journal", journal.toString());
            boolean ended = recover.waitFor(RECOVER_LIMIT.toSeconds(), TimeUnit.SECONDS);
            Duration downtime = Duration.ofNanos(System.nanoTime() - killedAt);
            String out = read(work.resolve("recover.log"));
            if (!ended) {
                recover.destroyForcibly();
                return new Result("RECOVER-HUNG", downtime, "killed at " + moment + "; recover did not end within "
                        + RECOVER_LIMIT.toMinutes() + " min");
            }
            Matcher m = RESOLUTION.matcher(out);
            String resolution = m.find() ? m.group(1) : "exit " + recover.exitValue();
            return new Result("RECOVERED:" + resolution, downtime, "migrate killed (SIGKILL) at " + moment
                    + "; recover (exit " + recover.exitValue() + "): " + lastLines(out, 3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            deleteTree(work);
        }
    }

    /** Waits for the journal's first LINK step of relocation; returns the step, or null if migrate ended first. */
    private static String awaitRelocationTransfer(Process migrate, Path journal) throws InterruptedException {
        long deadline = System.nanoTime() + MIGRATE_LIMIT.toNanos();
        Pattern step = Pattern.compile("\"step\":\"([^\"]+)\"");
        while (System.nanoTime() < deadline) {
            for (String line : journalLines(journal)) {
                if (line.contains("\"event\":\"step-started\"") && line.contains("\"phase\":\"RELOCATION\"")
                        && line.contains("\"side\":\"LINK\"")) {
                    Matcher m = step.matcher(line);
                    return m.find() ? "'" + m.group(1) + "'" : "relocation's first transfer";
                }
            }
            if (!migrate.isAlive()) {
                return null;
            }
            Thread.sleep(10);
        }
        migrate.destroyForcibly();
        return null;
    }

    private static List<String> journalLines(Path journal) {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(journal)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        } catch (IOException e) {
            // a file being created: read again on the next turn
        }
        return lines;
    }

    /**
     * Starts this same CLI in a new JVM, its output into {@code log}, on the bench's checkout (migrate builds the app's
     * image from it to tell whether the running copy is of this build).
     */
    private Process mecmig(Path log, String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        argv.add("-Dmecmig.home=" + bench.projectHome.toAbsolutePath());
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.mecmig.cli.Main"));
        argv.addAll(List.of(args));
        try {
            return new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv, e);
        }
    }

    private static String exitOf(Process p) {
        return p.isAlive() ? "still running" : String.valueOf(p.exitValue());
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(Path log) {
        return lastLines(read(log), 3);
    }

    private static String lastLines(String text, int n) {
        List<String> lines = text.strip().lines().filter(l -> !l.isBlank())
                .filter(l -> !l.matches("^\\[[^]]*\\] (TRACE|DEBUG|INFO) .*")).toList(); // log lines, not results
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("mecmig-crash-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
