package io.mecmig.criu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Image;
import io.mecmig.core.InvalidMigrationException;
import io.mecmig.core.Journal;
import io.mecmig.core.Migration;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.Outcome;
import io.mecmig.core.PreRelocation;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.MigrationImages;
import io.mecmig.docker.catalog.AppDeployment;
import io.mecmig.docker.catalog.AppPlacement;
import io.mecmig.docker.it.TestbedDocker;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two migrations at once between the same two real hosts: different apps both complete with their state
 * kept; a second migration of an app already in flight is refused, and the first one still completes.
 */
@Tag("docker")
class ConcurrentMigrationsIT {

    private static TestbedDocker bed;

    @TempDir
    Path journal;

    @BeforeAll
    static void connect() {
        bed = new TestbedDocker();
        bed.shape("1gbit", 0);
    }

    @AfterAll
    static void close() {
        bed.close();
    }

    @Test
    void twoDifferentAppsMigrateAtOnceAndBothKeepTheirState() throws Exception {
        AppDeployment uspa = freshOnSource("uspa");
        AppDeployment asw = freshOnSource("asw");
        Journal shared = Journal.at(journal);
        Set<String> sourceBefore = imageIds(bed.source);
        Set<String> targetBefore = imageIds(bed.target);

        CompletableFuture<MigrationReport> first = CompletableFuture.supplyAsync(() ->
                Migration.of(uspa.spec()).from(bed.source).to(bed.target).strategy("fccp").journal(shared).migrate());
        CompletableFuture<MigrationReport> second = CompletableFuture.supplyAsync(() ->
                Migration.of(asw.spec()).from(bed.source).to(bed.target).strategy("fullsp-delta").journal(shared)
                        .migrate());

        for (MigrationReport r : List.of(first.get(4, TimeUnit.MINUTES), second.get(4, TimeUnit.MINUTES))) {
            assertThat(r.outcome()).as(r.app() + ": " + r.failure()).isEqualTo(Outcome.COMPLETED);
            assertThat(r.stateCheck().preserved()).as(r.app() + ": " + r.stateCheck().detail()).isTrue();
        }
        for (AppDeployment app : List.of(uspa, asw)) {
            assertThat(bed.target.isRunning(app.spec().container())).isTrue();
            assertThat(bed.source.isRunning(app.spec().container())).isFalse();
        }
        assertThat(shared.unfinished()).isEmpty();
        // Each removed its own images and left the other's alone: the target keeps what the two containers run from.
        assertThat(added(bed.source, sourceBefore)).as("new images on the source").isEmpty();
        assertThat(added(bed.target, targetBefore)).as("new images on the target").containsExactlyInAnyOrder(
                bed.target.inspect(uspa.spec().container(), false).getImageId(),
                bed.target.inspect(asw.spec().container(), false).getImageId());
        removeEverywhere(uspa, asw);
        assertThat(added(bed.target, targetBefore)).as("images left once the copies are removed").isEmpty();
    }

    private static Set<String> imageIds(DockerHost host) {
        return host.docker().listImagesCmd().withShowAll(true).exec().stream().map(Image::getId)
                .collect(Collectors.toSet());
    }

    private static Set<String> added(DockerHost host, Set<String> before) {
        Set<String> now = imageIds(host);
        now.removeAll(before);
        return now;
    }

    @Test
    void aSecondMigrationOfTheSameAppIsRefusedWhileTheFirstRuns() {
        AppDeployment uspa = freshOnSource("uspa");
        PreRelocation first = Migration.of(uspa.spec()).from(bed.source).to(bed.target).strategy("fccp")
                .journal(Journal.at(journal)).preRelocate();

        assertThatThrownBy(() -> Migration.of(uspa.spec()).from(bed.source).to(bed.target).strategy("fullsp")
                .journal(Journal.at(journal)).preRelocate())
                .isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("app '" + uspa.spec().container() + "' on " + bed.source.name())
                .hasMessageContaining("wait for");
        assertThat(bed.source.isRunning(uspa.spec().container())).isTrue();

        MigrationReport report = first.relocate();
        assertThat(report.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(report.stateCheck().preserved()).isTrue();
        removeEverywhere(uspa);
    }

    /** The app fresh on the source with state worth keeping: USPA's counter at 7, ASW with a visited zone. */
    private static AppDeployment freshOnSource(String key) {
        AppDeployment app = bed.deployFresh(key);
        if (key.equals("uspa")) {
            AppPlacement.seedVolumes(app, bed.source, "state.json", "{\"counter\":7,\"zone\":\"zone01\"}");
        }
        AppPlacement.deploy(app, bed.source);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (key.equals("asw") && System.nanoTime() < deadline) {
            var state = app.spec().stateProbe().read(bed.source.serviceAddress(app.spec()));
            if (state.isPresent() && state.get().tree().path("visitedZones").size() > 0) {
                return app;
            }
            sleep(200);
        }
        if (key.equals("asw")) {
            throw new AssertionError("ASW stored no zone within 60 s: is the MEC sandbox reachable from the testbed?");
        }
        return app;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void removeEverywhere(AppDeployment... apps) {
        for (AppDeployment app : apps) {
            for (DockerHost h : List.of(bed.source, bed.target)) {
                MigrationImages.removeContainerAndItsImage(h, app.spec().container());
                app.spec().volumes().forEach(h::removeVolume);
            }
        }
    }
}
