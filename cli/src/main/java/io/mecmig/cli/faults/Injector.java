package io.mecmig.cli.faults;

import io.mecmig.core.MigrationEvent;
import io.mecmig.core.Phase;
import io.mecmig.core.Side;
import io.mecmig.testbed.faults.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Injects one fault at its moment in a running migration, from the engine's step events: listeners run on
 * the engine's thread before the step's action, so a fault injected at "step started" is in place when the
 * step begins. Remembers what it did, and undoes it on {@link #close()}.
 */
final class Injector implements AutoCloseable {

    private final FaultCase fault;
    private final FaultBench bench;
    private final List<Fault> injected = new ArrayList<>();
    private final List<String> done = new ArrayList<>();
    private boolean relocationLinkDone;
    private FileTime relocationStart;
    private FileTime migrationStart;
    private boolean relocationStepSeen;

    Injector(FaultCase fault, FaultBench bench) {
        this.fault = fault;
        this.bench = bench;
    }

    /** Faults that are in place before the migration starts (loss, full disk). */
    void beforeMigration() {
        switch (fault) {
            case LOSS_SPIKE -> add(bench.lossSpike(20));
            case TARGET_DISK_FULL -> bench.fullTargetDisks().forEach(this::add);
            default -> { }
        }
    }

    void onStarted(MigrationEvent.StepStarted e) {
        if (migrationStart == null) {
            migrationStart = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        }
        if (e.phase() == Phase.RELOCATION && relocationStart == null) {
            relocationStart = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        }
        if (!done.isEmpty() && fault != FaultCase.LOSS_SPIKE && fault != FaultCase.TARGET_DISK_FULL) {
            return; // once
        }
        switch (fault) {
            case LINK_CUT_PRE -> {
                if (e.phase() == Phase.PRE_RELOCATION && e.side() == Side.LINK) {
                    add(bench.cutLink(), "at '" + e.step() + "'");
                }
            }
            case LINK_CUT_RELOCATION -> {
                if (e.phase() == Phase.RELOCATION && e.side() == Side.LINK) {
                    add(bench.cutLink(), "at '" + e.step() + "'");
                }
            }
            case TARGET_DOCKERD_KILLED -> {
                if (e.phase() == Phase.RELOCATION && e.side() == Side.TARGET) {
                    add(bench.killTargetDockerd(), "at '" + e.step() + "'");
                }
            }
            case CORRUPT_TRANSFER -> {
                if (e.phase() == Phase.RELOCATION && !relocationStepSeen) {
                    corruptDeltaBase(e.step());
                }
                if (done.isEmpty() && e.phase() == Phase.RELOCATION && e.side() == Side.TARGET && relocationLinkDone) {
                    corruptNewestLargest(e.step());
                }
            }
            case SOURCE_CRASH -> {
                String step = e.step().toLowerCase(java.util.Locale.ROOT);
                if (e.phase() == Phase.RELOCATION && e.side() == Side.SOURCE
                        && (step.contains("checkpoint") || step.contains("stop"))) {
                    crashSourceSoon(e.step());
                }
            }
            default -> { }
        }
    }

    void onCompleted(MigrationEvent.StepCompleted e) {
        if (e.timing().phase() == Phase.RELOCATION && e.timing().side() == Side.LINK) {
            relocationLinkDone = true;
        }
    }

    /**
     * A page-delta relocation (fullsp-delta) rebuilds the checkpoint the target restores from out of the target's copy
     * of this migration's pre-relocation dump, in place, and checks it as it does: that copy is what to damage, before
     * the relocation's first step. Its largest page image loses its second half (flipped), more than any delta sends.
     */
    private void corruptDeltaBase(String step) {
        relocationStepSeen = true;
        Optional<Path> file = largestSince(List.of(bench.targetDeltaBase()), migrationStart)
                .filter(p -> p.getFileName().toString().startsWith("pages-"));
        if (file.isPresent()) {
            bench.corruptHalf(file.get());
            done.add(file.get().getFileName() + " of the target's pre-relocation dump (rebuilt in place into the"
                    + " checkpoint it restores) corrupted before '" + step + "'");
        }
    }

    private void corruptNewestLargest(String step) {
        Optional<Path> file = largestSince(bench.targetReceivedRoots(), relocationStart);
        if (file.isPresent()) {
            bench.corrupt(file.get());
            done.add(file.get().getFileName() + " corrupted before '" + step + "'");
        } else {
            done.add("nothing received in relocation to corrupt before '" + step + "'");
        }
    }

    /** Kills the source container's process 100 ms into the step, so the kill lands while it runs. */
    private void crashSourceSoon(String step) {
        long pid = bench.sourceContainerPid();
        done.add("source container (pid " + pid + ") killed 100 ms into '" + step + "'");
        CompletableFuture.runAsync(() -> bench.killProcess(pid),
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
    }

    private void add(Fault f) {
        add(f, "");
    }

    private void add(Fault f, String when) {
        injected.add(f);
        done.add(f.describe() + (when.isEmpty() ? "" : " " + when));
    }

    /** What was injected, or that nothing was (the fault's moment never came). */
    String describe() {
        return done.isEmpty() ? "fault NOT injected (its moment never came)" : String.join("; ", done);
    }

    boolean injected() {
        return !done.isEmpty();
    }

    static Optional<Path> largestSince(List<Path> roots, FileTime since) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> since == null || modified(p).compareTo(since) >= 0)
                        .forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                // a folder removed while walking: the step cleans up as we look
            }
        }
        return files.stream().max(Comparator.comparingLong(Injector::size));
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        for (Fault f : injected) {
            try {
                f.close();
            } catch (RuntimeException e) {
                done.add("undoing '" + f.describe() + "' failed: " + e.getMessage());
            }
        }
        injected.clear();
    }
}
