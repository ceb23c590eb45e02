package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.core.LinkProfile;
import io.mecmig.orchestrator.MigrationRecord;
import io.mecmig.orchestrator.live.DriveLog;
import io.mecmig.orchestrator.placement.PlacementMap;
import io.mecmig.orchestrator.placement.PlacementMode;
import io.mecmig.orchestrator.radio.ScenarioFile;
import io.mecmig.testbed.Testbed;
import io.mecmig.testbed.TestbedConfig;
import io.mecmig.testbed.TestbedHost;
import io.mecmig.testbed.TestbedHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One real drive: USPA follows UE 10.10.0.4 with one MEC host per zone, with real dockerds, sshd and FCCP on
 * the testbed's hosts, until three migrations are done. The UE drives between zone01 and zone02; from 148 s
 * into its route at time scale 3 it changes zone 6.7, 37.3, 76.7, 107.3, 146.7 and 177.3 s into the drive
 * (stays of 30.7 to 39.3 s): long enough for an FCCP move of USPA on an idle 2-core machine (about 15 s), so
 * three moves take about 80 s there, and longer than a downtime on a busy machine (up to 25 s), so USPA, down
 * while it moves, never sleeps through a zone change and the change back. On a busy machine a move takes up to
 * 45 s and some handovers are missed for lack of time: the drive then goes on, up to 220 s. Either way USPA's
 * counter must equal the zone changes the sandbox reports for the UE: state carried across every move, and no
 * change unseen.
 */
@Tag("docker")
class DriveIT {

    private static final String UE = "10.10.0.4";
    private static final double TIME_SCALE = 3;
    private static final String START_AT = "148s";
    private static final int MIGRATIONS = 3;
    private static final Duration AT_MOST = Duration.ofSeconds(220);

    @Test
    void uspaFollowsTheUeAndItsCounterEqualsTheZoneChangesTheSandboxReports() throws Exception {
        TestbedHosts testbed = Testbed.local(TestbedConfig.defaults()).up();
        // Failsafe runs in cli/: the checkout (the image's inputs) is one level up.
        Path home = Path.of("..").toAbsolutePath().normalize();
        String image = new DriveImages(System.out::println).appImageEverywhere("uspa", home, testbed);
        ScenarioFile monaco = ScenarioFile.monaco();
        List<String> names = testbed.hosts().stream().map(TestbedHost::name).toList();
        PlacementMap byZone = PlacementMap.roundRobin(PlacementMode.ZONE, new TreeSet<>(monaco.radioMap().zones()),
                names);
        assertThat(byZone.hostFor(null, "zone01")).as("zone01 and zone02 served by different hosts")
                .isNotEqualTo(byZone.hostFor(null, "zone02"));
        DriveCommand drive = new DriveCommand();
        drive.ue = UE;
        drive.app = "uspa";
        drive.timeScale = TIME_SCALE;
        drive.startAt = START_AT;
        drive.duration = AT_MOST.toSeconds() + "s";
        drive.untilMigrations = MIGRATIONS;
        drive.strategies = List.of("fccp");
        drive.sandboxPort = 8087;
        drive.image = image;

        DriveCommand.DriveResult result = drive.drive(monaco, testbed, byZone, LinkProfile.unshaped(), AT_MOST,
                new DriveLog(System.out));

        System.out.println(result.summary());
        System.out.println(result.continuityLine());
        assertThat(result.summary().failed()).as("failed migrations").isZero();
        assertThat(result.summary().completed()).as("migrations done").isGreaterThanOrEqualTo(MIGRATIONS);
        assertThat(result.summary().migrations()).filteredOn(m -> m.status() == MigrationRecord.Status.COMPLETED)
                .allSatisfy(m -> assertThat(m.statePreserved()).as(m.detail()).isTrue());
        assertThat(result.sandboxZoneChanges()).as("zone changes the sandbox reports for " + UE)
                .isGreaterThanOrEqualTo(3);
        assertThat(result.appCounter()).as("USPA's counter against the sandbox's zone changes for " + UE)
                .isEqualTo(result.sandboxZoneChanges());
    }
}
