package io.mecmig.criu;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.core.Migration;
import io.mecmig.core.MigrationEvent;
import io.mecmig.core.MigrationReport;
import io.mecmig.core.Side;
import io.mecmig.core.StateLossPolicy;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.MigrationImages;
import io.mecmig.docker.catalog.AppDeployment;
import io.mecmig.docker.catalog.AppPlacement;
import io.mecmig.docker.it.TestbedDocker;
import io.mecmig.docker.ssh.RemoteCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every file a migration writes on the hosts (tarballs, volume archives, checkpoints, page dumps) is 0600 and
 * every folder that holds them 0700, on the source and on the target, whatever the hosts' sshd umask. The
 * modes are read with {@code find} on the hosts after each transfer of both phases, while the files exist.
 */
@Tag("docker")
class PrivateFilesIT {

    private static TestbedDocker bed;

    @BeforeAll
    static void connect() {
        bed = new TestbedDocker();
        bed.shape("1gbit", 0);
    }

    @AfterAll
    static void close() {
        bed.close();
    }

    @ParameterizedTest(name = "{0} writes private files only")
    @ValueSource(strings = {"fccp", "fullsp", "fullsp-delta"}) // sfp writes what fccp does, by other commands
    void everyFileTheMigrationWritesIsPrivate(String strategy) {
        AppDeployment app = bed.deployFresh("uspa");
        AppPlacement.seedVolumes(app, bed.source, "state.json", "{\"counter\":7,\"zone\":\"zone01\"}");
        AppPlacement.deploy(app, bed.source);
        for (DockerHost h : List.of(bed.source, bed.target)) { // files of earlier runs are not this run's
            h.exec(RemoteCommand.of("sh", "-c", "rm -rf -- " + RemoteCommand.quote(h.workDir()) + "/* "
                    + RemoteCommand.quote(PageDeltaStrategy.TMPFS + h.name() + "/" + app.spec().container())),
                    Duration.ofSeconds(20));
        }
        List<String> wide = Collections.synchronizedList(new ArrayList<>());
        AtomicLong filesSeen = new AtomicLong();

        MigrationReport report = Migration.of(app.spec()).from(bed.source).to(bed.target).strategy(strategy)
                .onStateLoss(StateLossPolicy.RECORD) // SFP loses USPA's counter; its files are what matters here
                .onEvent(MigrationEvent.StepCompleted.class, e -> {
                    if (e.timing().side() != Side.LINK) {
                        return; // right after each transfer, both ends hold the most files
                    }
                    for (DockerHost h : List.of(bed.source, bed.target)) {
                        Modes m = modes(h, app.spec().container());
                        filesSeen.addAndGet(m.files());
                        m.wide().forEach(w -> wide.add(e.timing().step() + " on " + h.name() + ": " + w));
                    }
                })
                .migrate();

        assertThat(report.outcome()).isNotNull();
        assertThat(filesSeen.get()).as("files found under the hosts' work and checkpoint folders").isPositive();
        assertThat(wide).as("files not 0600 or folders not 0700").isEmpty();
        for (DockerHost h : List.of(bed.source, bed.target)) {
            MigrationImages.removeContainerAndItsImage(h, app.spec().container());
            app.spec().volumes().forEach(h::removeVolume);
        }
    }

    private record Modes(long files, List<String> wide) {
    }

    /** Modes under the host's work folder, its tmpfs dumps and its containers' checkpoint folders. */
    private static Modes modes(DockerHost host, String container) {
        String roots = RemoteCommand.quote(host.workDir()) + " "
                + RemoteCommand.quote(PageDeltaStrategy.TMPFS + host.name() + "/" + container);
        // Docker's checkpoint folders of this app's container only. Found by listing, not by inspect: while a start is
        // held at its gate (fccp, fullsp-delta), dockerd holds the container's lock, and an inspect waits for the gate.
        var listed = host.docker().listContainersCmd().withShowAll(true)
                .withNameFilter(List.of("^/" + container + "$")).exec();
        if (!listed.isEmpty()) {
            try (CheckpointApi api = CheckpointApi.of(host)) {
                roots += " " + RemoteCommand.quote(api.dataRoot() + "/containers/" + listed.get(0).getId() + "/checkpoints");
            }
        }
        String script = "for r in " + roots + "; do [ -e \"$r\" ] || continue; "
                + "find \"$r\" \\( -type d ! -perm 700 -o -type f ! -perm 600 \\) -printf 'WIDE %m %p\\n'; "
                + "find \"$r\" -type f -printf 'FILE\\n'; done";
        String out = host.exec(RemoteCommand.of("sh", "-c", script), Duration.ofSeconds(20)).stdout();
        List<String> wide = out.lines().filter(l -> l.startsWith("WIDE ")).map(l -> l.substring(5)).toList();
        long files = out.lines().filter(l -> l.equals("FILE")).count();
        return new Modes(files, wide);
    }
}
