package io.mecmig.cli;

import io.mecmig.docker.DockerHostConfig;
import io.mecmig.experiment.MachineInfo;
import io.mecmig.experiment.TestbedSession;
import io.mecmig.experiment.UnavailableSession;
import io.mecmig.docker.NetworkMode;
import io.mecmig.experiment.docker.DockerTestbedSession;
import io.mecmig.images.AppImages;
import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.UeSelection;
import io.mecmig.testbed.Testbed;
import io.mecmig.testbed.TestbedConfig;
import io.mecmig.testbed.TestbedException;
import io.mecmig.testbed.TestbedHosts;
import io.mecmig.testbed.TestbedPlatform;
import io.mecmig.testbed.TestbedStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Opens the testbed session the experiment runs on: the testbed's two hosts (or those a hosts file
 * describes), the sample apps' catalog, the testbed's link shaping, and an embedded MEC sandbox whose UEs
 * the runs move. When a part is missing, every run is recorded as unavailable with the reason, which the
 * report then lists.
 */
final class ExperimentSessions {

    /** Where a user may describe two hosts of their own (see DockerHostConfig); the testbed's are used otherwise. */
    static final Path DEFAULT_HOSTS = HostsFile.DEFAULT;

    private ExperimentSessions() {
    }

    static TestbedSession open(Path hostsFile, Duration warmup, NetworkMode network) {
        String machine = MachineInfo.describe("testbed: network namespaces on one machine");
        Testbed testbed = Testbed.local(TestbedConfig.defaults());
        Properties hosts;
        String origin;
        Supplier<TestbedPlatform> platform;
        MecSandbox.Builder sandbox = MecSandbox.builder().ues(UeSelection.moving()).paused();
        if (Files.isReadable(hostsFile)) {
            hosts = HostsFile.read(hostsFile, "describe source.* and target.* there (see DockerHostConfig)");
            origin = hostsFile.toString();
            String platformHost = hosts.getProperty("platformHost", "127.0.0.1");
            platform = () -> TestbedPlatform.start(platformHost, TestbedPlatform.GATEWAY_PORT, sandbox);
        } else {
            Optional<String> unusable = upIfNeeded(testbed);
            if (unusable.isPresent()) {
                return new UnavailableSession("there is no hosts file at " + hostsFile + " and " + unusable.get()
                        + "; run sudo ./mecmig testbed up and see sudo ./mecmig testbed status", machine);
            }
            TestbedHosts up = testbed.hosts();
            hosts = TestbedDockerHosts.of(TestbedConfig.defaults(), up);
            origin = "the testbed";
            platform = () -> TestbedPlatform.start(up, sandbox);
        }
        // The apps reach the MEC APIs through the httpd gateway in front of the sandbox, as in the paper.
        TestbedPlatform mec;
        try {
            mec = platform.get();
        } catch (RuntimeException e) {
            return new UnavailableSession("the MEC platform (sandbox and httpd gateway) could not start: "
                    + e.getMessage(), machine);
        }
        try {
            TestbedSession session = DockerTestbedSession.open(hosts, origin, mec.mecBaseUrl(),
                    key -> image(hosts, key), new TestbedShaper(testbed), warmup,
                    Optional.of(seconds -> mec.sandbox().control().step(seconds)), machine, network);
            return new SessionWithPlatform(session, mec);
        } catch (RuntimeException e) {
            mec.close();
            return new UnavailableSession("cannot connect to the hosts of " + origin + ": " + e.getMessage()
                    + " (sudo ./mecmig testbed status shows what is down)", machine);
        }
    }

    /** Brings the testbed up when a part of it does not answer; empty when it is usable, else what is wrong. */
    private static Optional<String> upIfNeeded(Testbed testbed) {
        TestbedStatus status = testbed.status();
        if (status.healthy()) {
            return Optional.empty();
        }
        try {
            testbed.up();
        } catch (TestbedException e) {
            return Optional.of("the testbed could not be brought up (" + String.join("; ", status.problems())
                    + "): " + e.getMessage());
        }
        TestbedStatus after = testbed.status();
        return after.healthy() ? Optional.empty()
                : Optional.of("the testbed is not healthy after up: " + String.join("; ", after.problems()));
    }

    /** The hosts file's {@code image.KEY} or {@code image}, else the image ./mecmig images build makes for the app. */
    private static Optional<String> image(Properties hosts, String key) {
        String configured = hosts.getProperty("image." + key, hosts.getProperty("image"));
        if (configured != null) {
            return Optional.of(configured);
        }
        return switch (key) {
            case "ba" -> Optional.of(AppImages.ba().latest());
            case "uspa" -> Optional.of(AppImages.uspa().latest());
            case "asw" -> Optional.of(AppImages.asw().latest());
            default -> Optional.empty();
        };
    }

}
