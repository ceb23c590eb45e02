package io.mecmig.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations sharing one journal: apps on different sources go on together; the same app twice does not. */
class ConcurrentJournaledMigrationsTest {

    @TempDir
    Path tmp;

    @Test
    void differentAppsMigrateAtOnceThroughOneJournal() throws Exception {
        CrashBench one = new CrashBench(tmp);
        CrashBench two = new CrashBench(tmp); // same journal folder, its own hosts
        CountDownLatch bothInPhaseOne = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MigrationReport>> runs = new ArrayList<>();
            for (CrashBench bench : List.of(one, two)) {
                runs.add(pool.submit(() -> bench.migration()
                        .onEvent(MigrationEvent.StepStarted.class, e -> {
                            if (e.step().equals("load")) {
                                bothInPhaseOne.countDown();
                                await(bothInPhaseOne); // neither finishes before the other has begun
                            }
                        }).migrate()));
            }
            for (Future<MigrationReport> run : runs) {
                assertThat(run.get(20, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.COMPLETED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Journal.at(one.journalDir).unfinished()).isEmpty();
    }

    @Test
    void theSameAppTwiceAtOnceIsRefusedOnce() throws Exception {
        CrashBench bench = new CrashBench(tmp);
        CountDownLatch go = new CountDownLatch(1);
        Callable<String> attempt = () -> {
            go.await();
            try {
                PreRelocation p = bench.migration().preRelocate();
                Thread.sleep(200); // hold the app while the other attempt runs
                p.abort();
                return "ran";
            } catch (InvalidMigrationException e) {
                return e.getMessage();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = pool.submit(attempt);
            Future<String> b = pool.submit(attempt);
            go.countDown();
            List<String> outcomes = List.of(a.get(20, TimeUnit.SECONDS), b.get(20, TimeUnit.SECONDS));
            assertThat(outcomes).containsOnlyOnce("ran");
            assertThat(outcomes).anyMatch(m -> m.contains("already being migrated")
                    || m.contains("already has a migration running"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
