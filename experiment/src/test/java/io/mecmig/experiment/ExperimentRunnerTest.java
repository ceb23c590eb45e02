package io.mecmig.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.core.LinkProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {

    @TempDir
    Path out;

    private final InMemorySession session = new InMemorySession();

    private static ExperimentPlan plan(int runs) {
        return new ExperimentPlan(List.of("uspa"), List.of("keep", "lose"), List.of("100mbit", "1gbit"),
                List.of(0.0), runs);
    }

    @Test
    void everyRunStartsCleanAndWritesOneLineWithItsFigures() throws Exception {
        ExperimentSummary summary = new ExperimentRunner(session, new ResultsStore(out), ProgressListener.SILENT)
                .run(plan(2));

        assertThat(summary.total()).isEqualTo(8);
        assertThat(summary.count(RunStatus.COMPLETED)).isEqualTo(8);
        assertThat(summary.complete()).isTrue();
        assertThat(session.shaped).containsExactly(LinkProfile.of("100mbit", 0), LinkProfile.of("1gbit", 0));
        assertThat(session.calls).filteredOn(c -> c.startsWith("prepare")).hasSize(8);
        assertThat(session.calls).filteredOn(c -> c.startsWith("cleanUp")).hasSize(8);

        List<RunRecord> lines = ResultsStore.read(out.resolve("results.jsonl"));
        assertThat(lines).extracting(RunRecord::id).containsExactly(
                "uspa/keep/100mbit/loss0#1", "uspa/keep/100mbit/loss0#2",
                "uspa/lose/100mbit/loss0#1", "uspa/lose/100mbit/loss0#2",
                "uspa/keep/1gbit/loss0#1", "uspa/keep/1gbit/loss0#2",
                "uspa/lose/1gbit/loss0#1", "uspa/lose/1gbit/loss0#2");
        RunRecord kept = lines.get(0);
        assertThat(kept.number(Figures.TARBALL_SIZE)).contains(1_000_000.0);
        assertThat(kept.number(Figures.PRE_LINK_BYTES)).contains(1_000_000.0);
        assertThat(kept.number(Figures.RELOC_LINK_BYTES)).contains(2048.0);
        assertThat(kept.number(Figures.DOWNTIME_PAPER)).isPresent();
        assertThat(kept.number(Figures.DOWNTIME_SOURCE)).isPresent();
        assertThat(kept.text(Figures.STATE_PRESERVED)).contains("true");
        assertThat(kept.text(Figures.VIABILITY)).contains("Yes");
        assertThat(kept.migrationReport()).get().extracting(r -> r.strategy()).isEqualTo("keep");
        // State loss is recorded, not rolled back: that is what Table IV reports.
        RunRecord lost = lines.get(2);
        assertThat(lost.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(lost.text(Figures.STATE_PRESERVED)).contains("false");
        assertThat(lost.text(Figures.VIABILITY)).contains("No");

        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv).hasSize(9);
        assertThat(csv.get(0)).startsWith("id,app,strategy,rate,rate_bps,loss_pct,run,status");
        assertThat(csv.get(1)).startsWith("uspa/keep/100mbit/loss0#1,uspa,keep,100mbit,100000000,0,1,COMPLETED");
    }

    @Test
    void anInterruptedExperimentResumesWithTheRunsNotYetFinished() throws Exception {
        ProgressListener stopAfterThree = new ProgressListener() {
            @Override
            public void finished(RunRecord record, Progress progress) {
                if (progress.done() == 3) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ExperimentSummary first = new ExperimentRunner(session, new ResultsStore(out), stopAfterThree).run(plan(2));
        Thread.interrupted();
        assertThat(first.count(RunStatus.COMPLETED)).isEqualTo(3);
        assertThat(first.complete()).isFalse();
        // A kill in the middle of a write leaves a partial line; it must neither break nor count.
        Files.writeString(out.resolve("results.jsonl"), "{\"id\":\"uspa/lose/100mbit/lo",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        session.calls.clear();
        List<Integer> keptSeen = new ArrayList<>();
        ExperimentSummary second = new ExperimentRunner(session, new ResultsStore(out), new ProgressListener() {
            @Override
            public void resumed(int kept, int total) {
                keptSeen.add(kept);
            }
        }).run(plan(2));

        assertThat(keptSeen).containsExactly(3);
        assertThat(second.kept()).isEqualTo(3);
        assertThat(second.count(RunStatus.COMPLETED)).isEqualTo(5);
        assertThat(second.complete()).isTrue();
        assertThat(session.calls).filteredOn(c -> c.startsWith("prepare")).containsExactly(
                "prepare uspa/lose/100mbit/loss0#2", "prepare uspa/keep/1gbit/loss0#1",
                "prepare uspa/keep/1gbit/loss0#2", "prepare uspa/lose/1gbit/loss0#1",
                "prepare uspa/lose/1gbit/loss0#2");
        assertThat(new ResultsStore(out).latest()).hasSize(8);
        assertThat(new ResultsStore(out).finishedIds()).hasSize(8);
    }

    @Test
    void failedPreparationsAndUnavailableCellsAreRecordedAndRetriedOnResume() {
        session.unavailableApps = java.util.Set.of("asw");
        session.beforePrepare = k -> {
            if (k.index() == 2) {
                throw new IllegalStateException("dockerd on meh-src does not answer");
            }
        };
        ExperimentPlan plan = new ExperimentPlan(List.of("uspa", "asw"), List.of("keep", "nosuch"),
                List.of("100mbit"), List.of(0.0), 2);
        ExperimentSummary first = new ExperimentRunner(session, new ResultsStore(out), ProgressListener.SILENT).run(plan);

        assertThat(first.count(RunStatus.COMPLETED)).isEqualTo(1);
        assertThat(first.count(RunStatus.ERROR)).isEqualTo(1);
        assertThat(first.count(RunStatus.UNAVAILABLE)).isEqualTo(6);
        RunRecord unknown = new ResultsStore(out).latest().get("uspa/nosuch/100mbit/loss0#1");
        assertThat(unknown.reason()).contains("nosuch").contains("keep");
        assertThat(new ResultsStore(out).latest().get("uspa/keep/100mbit/loss0#2").reason())
                .contains("dockerd on meh-src does not answer");

        session.unavailableApps = java.util.Set.of();
        session.beforePrepare = k -> { };
        ExperimentSummary second = new ExperimentRunner(session, new ResultsStore(out), ProgressListener.SILENT).run(plan);
        assertThat(second.kept()).isEqualTo(1);
        assertThat(second.count(RunStatus.COMPLETED)).isEqualTo(3);
        assertThat(second.count(RunStatus.UNAVAILABLE)).isEqualTo(4);
    }

    @Test
    void progressCountsCellsAndRunsAndEstimatesTimeLeftFromRunsDoneNow() {
        AtomicLong nanos = new AtomicLong();
        session.beforePrepare = k -> nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        List<Progress> started = new ArrayList<>();
        List<Progress> ended = new ArrayList<>();
        ProgressListener record = new ProgressListener() {
            @Override
            public void starting(RunKey run, Progress progress) {
                started.add(progress);
            }

            @Override
            public void finished(RunRecord r, Progress progress) {
                ended.add(progress);
            }
        };
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
        new ExperimentRunner(session, new ResultsStore(out), record, nanos::get, clock).run(plan(2));

        assertThat(started.get(0)).isEqualTo(new Progress(1, 4, 1, 2, 0, 8, 0, Optional.empty()));
        assertThat(ended.get(0).eta()).contains(Duration.ofSeconds(70));
        assertThat(started.get(3)).extracting(Progress::cell, Progress::run, Progress::done).containsExactly(2, 2, 3);
        assertThat(started.get(3).eta()).contains(Duration.ofSeconds(50));
        assertThat(ended.get(7).eta()).contains(Duration.ZERO);
        assertThat(ended.get(7).fraction()).isEqualTo(1.0);
        assertThat(ConsoleProgress.line(started.get(3)))
                .isEqualTo("[#########...............] 3/8  cell 2/4 run 2/2  ETA 50s");
    }

    @Test
    void theConsoleSaysOncePerCellWhatIsNotAvailable() {
        session.unavailableApps = java.util.Set.of("asw");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ExperimentPlan plan = new ExperimentPlan(List.of("uspa", "asw"), List.of("keep"), List.of("100mbit"),
                List.of(0.0), 3);
        new ExperimentRunner(session, new ResultsStore(out),
                new ConsoleProgress(new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8))).run(plan);

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).filteredOn(l -> l.contains("not available")).singleElement().satisfies(l -> assertThat(l)
                .contains("asw/keep/100mbit/loss0", "all 3 runs", "no image for asw"));
        assertThat(lines).filteredOn(l -> l.contains("uspa/keep/100mbit/loss0#") && l.contains("done: downtime"))
                .hasSize(3);
        assertThat(lines.get(0)).isEqualTo("6 runs to do");
    }
}
