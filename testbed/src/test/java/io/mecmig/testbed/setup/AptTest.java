package io.mecmig.testbed.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.testbed.exec.FakeRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptTest {

    @TempDir
    Path root;

    @Test
    void installsOnlyMissingPackagesAndUpdatesOnce() {
        FakeRunner runner = new FakeRunner()
                .answer("dpkg-query -W '-f=${Status}' rsync", "install ok installed")
                .answer("dpkg-query -W '-f=${Status}' socat", 1, "", "no packages found matching socat")
                .answer("apt-get", "");
        SetupPaths paths = SetupPaths.under(root);
        Apt apt = new Apt(runner, paths, s -> { });
        PackagesStep step = new PackagesStep("tools", apt, List.of("rsync", "socat"));

        assertThat(step.isDone()).isFalse();
        step.apply();
        apt.install(List.of("socat"));

        List<String> aptCalls = runner.ran().stream().filter(c -> c.startsWith("apt-get")).toList();
        assertThat(aptCalls).containsExactly(
                "apt-get -o DPkg::Lock::Timeout=300 -q update",
                "apt-get -o DPkg::Lock::Timeout=300 -y -q --no-install-recommends install socat",
                "apt-get -o DPkg::Lock::Timeout=300 -y -q --no-install-recommends install socat");
        assertThat(paths.policyRcD()).as("the temporary no-service-start policy is removed again").doesNotExist();
    }

    @Test
    void keepsPackagesFromStartingServicesWhileInstalling() {
        SetupPaths paths = SetupPaths.under(root);
        List<Boolean> policyPresentDuringInstall = new ArrayList<>();
        FakeRunner runner = new FakeRunner() {
            @Override
            public io.mecmig.testbed.exec.CommandResult run(io.mecmig.testbed.exec.Command command) {
                if (command.display().contains(" install ")) {
                    policyPresentDuringInstall.add(Files.exists(paths.policyRcD()));
                }
                return super.run(command);
            }
        }.answer("apt-get", "");
        new Apt(runner, paths, s -> { }).install(List.of("apache2"));
        assertThat(policyPresentDuringInstall).containsExactly(true);
        assertThat(paths.policyRcD()).doesNotExist();
    }

    @Test
    void leavesSomeoneElsesPolicyInPlace() throws Exception {
        SetupPaths paths = SetupPaths.under(root);
        Files.createDirectories(paths.policyRcD().getParent());
        Files.writeString(paths.policyRcD(), "#!/bin/sh\nexit 0\n");
        new Apt(new FakeRunner().answer("apt-get", ""), paths, s -> { }).install(List.of("memcached"));
        assertThat(paths.policyRcD()).hasContent("#!/bin/sh\nexit 0\n");
    }
}
