package io.mecmig.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRecoveryTest {

    @TempDir
    Path tmp;

    private CrashBench crashAt(String step) {
        CrashBench bench = new CrashBench(tmp);
        bench.crashAt = step;
        assertThatThrownBy(() -> bench.migration().migrate()).isInstanceOf(CrashBench.Crash.class);
        return bench;
    }

    @Test
    void aCompletedMigrationLeavesNothingToRecoverAndPrivateFiles() throws Exception {
        CrashBench bench = new CrashBench(tmp);
        bench.migration().migrate();

        Journal journal = Journal.at(bench.journalDir);
        assertThat(journal.unfinished()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bench.journalDir))).isEqualTo("rwx------");
        try (var files = Files.list(bench.journalDir)) {
            for (Path f : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    void eachStepIsOnDiskBeforeItRuns() {
        CrashBench bench = crashAt("copy volume");

        List<JournaledMigration> found = Journal.at(bench.diskAtCrash).unfinished();
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.app()).isEqualTo("uspa");
            assertThat(m.source()).isEqualTo(bench.source.name());
            assertThat(m.strategy()).isEqualTo("crashy");
            assertThat(m.phase()).isEqualTo(Phase.RELOCATION);
            assertThat(m.preRelocated()).isTrue();
            assertThat(m.stopStarted()).isTrue();
            assertThat(m.serviceStarted()).isFalse();
            assertThat(m.lastStep()).isEqualTo("copy volume");
            assertThat(m.lastStepCompleted()).isFalse();
            assertThat(m.values()).containsEntry("test.image", "uspa-image-" + bench.suffix)
                    .containsEntry(JournalEntries.STATE_BEFORE, "{\"counter\":7}");
            assertThat(m.running()).isFalse();
        });
    }

    @Test
    void aCrashAfterTheStopIsRolledBackToTheSourceWithItsState() {
        CrashBench bench = crashAt("copy volume");
        assertThat(bench.source.isRunning("uspa")).isFalse(); // the app is down: the crash left it stopped

        List<RecoveryReport> reports = bench.recovery().recoverAll();

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.resolution()).isEqualTo(RecoveryReport.Resolution.ROLLED_BACK);
            assertThat(r.servedFrom()).isEqualTo(bench.source.name());
            assertThat(r.actions()).contains("restart source container: done");
        });
        assertThat(bench.source.isRunning("uspa")).isTrue();
        assertThat(bench.source.state.get("uspa")).isEqualTo("{\"counter\":7}");
        assertThat(bench.target.isRunning("uspa")).isFalse();
        assertThat(bench.rollbackSaw).containsExactly("uspa-image-" + bench.suffix);
        assertThat(bench.afterMigrationSaw).as("the work for after the migration, once rolled back")
                .containsExactly("uspa-image-" + bench.suffix);
        assertThat(bench.recovery().pending()).as("the journal now ends with 'recovered'").isEmpty();
    }

    @Test
    void aCrashDuringPreRelocationCleansTheTargetAndLeavesTheSourceServing() {
        CrashBench bench = crashAt("load");

        RecoveryReport report = bench.recovery().recoverAll().get(0);

        assertThat(report.resolution()).isEqualTo(RecoveryReport.Resolution.ROLLED_BACK);
        assertThat(report.actions()).doesNotContain("restart source container: done");
        assertThat(bench.source.isRunning("uspa")).isTrue();
        assertThat(bench.target.stopped).doesNotContain("uspa-image");
        assertThat(bench.rollbackSaw).containsExactly("uspa-image-" + bench.suffix);
    }

    @Test
    void aCrashAfterTheTargetStartedIsFinishedThere() {
        CrashBench bench = crashAt("tidy source");

        RecoveryReport report = bench.recovery().recoverAll().get(0);

        assertThat(report.resolution()).isEqualTo(RecoveryReport.Resolution.FINISHED);
        assertThat(report.servedFrom()).isEqualTo(bench.target.name());
        assertThat(report.actions()).anyMatch(a -> a.startsWith("state on the target: kept"));
        assertThat(bench.target.isRunning("uspa")).isTrue();
        assertThat(bench.source.isRunning("uspa")).isFalse();
        assertThat(bench.rollbackSaw).isEmpty();
        assertThat(report.actions()).contains("remove committed image: done");
        assertThat(bench.afterMigrationSaw).as("the source's image goes, as it would have at the migration's end")
                .containsExactly("uspa-image-" + bench.suffix);
    }

    /** Ids were CONTAINER-STRATEGY-N before they were unique across processes; such journals still recover. */
    @Test
    void aJournalWrittenWithAnOlderIdRecovers() throws Exception {
        CrashBench bench = crashAt("copy volume");
        Path file;
        try (var files = Files.list(bench.diskAtCrash)) {
            file = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        String newId = Journal.at(bench.diskAtCrash).unfinished().get(0).id();
        Path older = file.resolveSibling("uspa-crashy-3-4242-1764239712000.jsonl");
        Files.writeString(older, Files.readString(file).replace(newId, "uspa-crashy-3"));
        Files.delete(file);

        RecoveryReport report = bench.recovery().recoverAll().get(0);

        assertThat(report.migration().id()).isEqualTo("uspa-crashy-3");
        assertThat(report.resolution()).isEqualTo(RecoveryReport.Resolution.ROLLED_BACK);
        assertThat(bench.source.isRunning("uspa")).isTrue();
        assertThat(bench.afterMigrationSaw).containsExactly("uspa-image-" + bench.suffix);
    }

    @Test
    void aTargetThatLostTheStateIsRolledBackNotFinished() {
        CrashBench bench = new CrashBench(tmp);
        bench.crashAt = "tidy source";
        bench.targetLosesState = true;
        assertThatThrownBy(() -> bench.migration().migrate()).isInstanceOf(CrashBench.Crash.class);

        RecoveryReport report = bench.recovery().recoverAll().get(0);

        assertThat(report.resolution()).isEqualTo(RecoveryReport.Resolution.ROLLED_BACK);
        assertThat(report.actions()).anyMatch(a -> a.startsWith("state on the target: LOST"));
        assertThat(bench.source.isRunning("uspa")).isTrue();
        assertThat(bench.source.state.get("uspa")).isEqualTo("{\"counter\":7}");
        assertThat(bench.target.isRunning("uspa")).isFalse();
    }

    @Test
    void aJournalLineCutShortByTheCrashIsIgnored() throws Exception {
        CrashBench bench = crashAt("copy volume");
        Path file;
        try (var files = Files.list(bench.diskAtCrash)) {
            file = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        Files.writeString(file, "{\"event\":\"step-comp", StandardOpenOption.APPEND);

        JournaledMigration m = Journal.at(bench.diskAtCrash).unfinished().get(0);

        assertThat(m.lastStep()).isEqualTo("copy volume");
        assertThat(m.lastStepCompleted()).isFalse();
    }

    @Test
    void anUnfinishedMigrationBlocksANewOneOfTheSameAppUntilRecovered() {
        CrashBench bench = crashAt("copy volume");
        Migration.Builder again = Migration.of(bench.app()).from(bench.source).to(bench.target)
                .strategy(bench.strategy()).journal(Journal.at(bench.diskAtCrash));

        assertThatThrownBy(again::preRelocate).isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("left unfinished by a crash")
                .hasMessageContaining("run 'mecmig recover'");

        bench.recovery().recoverAll();
        // (this process's own guard still holds the app: the simulated crash never released it)
        Journal.at(bench.diskAtCrash).refuseIfUnfinished(bench.app(), bench.source);
    }

    @Test
    void aRunningMigrationIsListedAsRunningAndLeftAlone() throws Exception {
        CrashBench bench = new CrashBench(tmp);
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<PreRelocation> running = CompletableFuture.supplyAsync(() -> bench.migration()
                .onEvent(MigrationEvent.StepStarted.class, e -> {
                    if (e.step().equals("load")) {
                        inStep.countDown();
                        await(release);
                    }
                }).preRelocate());
        assertThat(inStep.await(5, TimeUnit.SECONDS)).isTrue();

        Journal journal = Journal.at(bench.journalDir);
        assertThat(journal.unfinished()).singleElement().satisfies(m -> assertThat(m.running()).isTrue());
        Recovery recovery = Recovery.of(journal).hosts(bench.byName::get).apps(n -> bench.app())
                .strategies(n -> bench.strategy());
        assertThat(recovery.pending()).isEmpty();
        assertThatThrownBy(() -> recovery.recover(journal.unfinished().get(0)))
                .hasMessageContaining("still running");

        release.countDown();
        running.get(5, TimeUnit.SECONDS).abort();
        assertThat(journal.unfinished()).isEmpty();
    }

    @Test
    void unknownHostsInTheJournalGetAClearError() {
        CrashBench bench = crashAt("copy volume");
        Recovery recovery = Recovery.of(Journal.at(bench.diskAtCrash)).apps(n -> bench.app());

        assertThatThrownBy(recovery::recoverAll).isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("unknown host '" + bench.source.name() + "'")
                .hasMessageContaining("give recovery the host under that name");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
