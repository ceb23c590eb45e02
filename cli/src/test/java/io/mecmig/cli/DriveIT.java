package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.core.LinkProfile;
import io.mecmig.images.AppImages;
import io.mecmig.images.BuiltImage;
import io.mecmig.images.ImageBuilder;
import io.mecmig.orchestrator.MigrationRecord;
import io.mecmig.orchestrator.live.DriveLog;
import io.mecmig.orchestrator.placement.PlacementMap;
import io.mecmig.orchestrator.placement.PlacementMode;
import io.mecmig.orchestrator.radio.ScenarioFile;
import io.mecmig.testbed.Testbed;
import io.mecmig.testbed.TestbedConfig;
import io.mecmig.testbed.TestbedHost;
import io.mecmig.testbed.TestbedHosts;
import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.ProcessRunner;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One real drive on a three-host testbed: USPA follows UE 10.100.0.3 (zones 02, 03, 04 in turn, one host per
 * zone) at time scale 2 for 150 s of real time (five zone changes), with real dockerds, sshd and FCCP.
 */
@Tag("docker")
class DriveIT {

    private static final String UE = "10.100.0.3";
    /** 300 s of mobility: zone changes at 49, 110, 126, 176 and 272 s. */
    private static final double TIME_SCALE = 2;
    private static final Duration DRIVE = Duration.ofSeconds(150);

    /** Builds USPA's image on the first host (or reuses it) and copies it to the others. */
    private static String uspaImageOnEveryHost(TestbedHosts testbed) {
        TestbedHost first = testbed.hosts().get(0);
        String image;
        try (ImageBuilder images = ImageBuilder.on(first.dockerUri()).projectHome(ProjectHome.path()).build()) {
            BuiltImage built = images.app(AppImages.uspa());
            image = built.latest();
        }
        ProcessRunner runner = new ProcessRunner();
        for (TestbedHost h : testbed.hosts().subList(1, testbed.hosts().size())) {
            runner.require(Command.of("sh", "-c", "docker -H " + first.dockerUri() + " save " + image + " | docker -H "
                    + h.dockerUri() + " load -q").withTimeout(Duration.ofMinutes(5)));
        }
        return image;
    }

    @Test
    void uspaFollowsTheUeAndItsCounterEqualsTheZoneChangesTheSandboxReports() throws Exception {
        TestbedHosts testbed = Testbed.local(TestbedConfig.defaults().withHosts(3)).up();
        String image = uspaImageOnEveryHost(testbed);
        ScenarioFile monaco = ScenarioFile.monaco();
        List<String> names = testbed.hosts().stream().map(TestbedHost::name).toList();
        PlacementMap byZone = PlacementMap.roundRobin(PlacementMode.ZONE, monaco.radioMap().zones(), names);
        DriveCommand drive = new DriveCommand();
        drive.ue = UE;
        drive.app = "uspa";
        drive.timeScale = TIME_SCALE;
        drive.duration = DRIVE.toSeconds() + "s";
        drive.strategies = List.of("fccp");
        drive.sandboxPort = 8087;
        drive.image = image;

        DriveCommand.DriveResult result = drive.drive(monaco, testbed, byZone, LinkProfile.unshaped(),
                DRIVE, new DriveLog(System.out));

        System.out.println(result.summary());
        System.out.println(result.continuityLine());
        assertThat(result.summary().completed()).as("migrations done").isGreaterThanOrEqualTo(3);
        assertThat(result.summary().failed()).isZero();
        assertThat(result.summary().migrations()).filteredOn(m -> m.status() == MigrationRecord.Status.COMPLETED)
                .allSatisfy(m -> assertThat(m.statePreserved()).as(m.detail()).isTrue());
        assertThat(result.sandboxZoneChanges()).isGreaterThanOrEqualTo(3);
        assertThat(result.appCounter()).as("USPA's counter against the sandbox's zone changes for " + UE)
                .isEqualTo(result.sandboxZoneChanges());
    }
}
