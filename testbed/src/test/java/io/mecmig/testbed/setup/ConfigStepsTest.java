package io.mecmig.testbed.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStepsTest {

    @TempDir
    Path root;

    @Test
    void dockerConfigKeepsOtherSettings() throws Exception {
        SetupPaths paths = SetupPaths.under(root);
        Files.createDirectories(paths.dockerConfig().getParent());
        Files.writeString(paths.dockerConfig(), "{\"log-level\": \"warn\", \"experimental\": false}");
        DockerConfigStep step = new DockerConfigStep(paths);

        assertThat(step.isDone()).isFalse();
        step.apply();
        assertThat(step.isDone()).isTrue();
        assertThat(Files.readString(paths.dockerConfig())).contains("\"log-level\" : \"warn\"").contains("\"experimental\" : true");
    }

    @Test
    void dockerConfigCreatesTheFileAndRejectsBrokenJson() throws Exception {
        SetupPaths paths = SetupPaths.under(root);
        DockerConfigStep step = new DockerConfigStep(paths);
        step.apply();
        assertThat(step.verify()).contains("experimental");

        Files.writeString(paths.dockerConfig(), "{ broken");
        assertThatThrownBy(step::isDone).hasMessageContaining("not valid JSON").hasMessageContaining("fix it or remove it");
    }

    @Test
    void runcConfigGetsEachMissingOptionOnceAndDropsAnOlderMaskedFolder() throws Exception {
        SetupPaths paths = SetupPaths.under(root);
        Files.createDirectories(paths.criuConfigDir());
        Path config = paths.criuConfigDir().resolve("runc.conf");
        Files.writeString(config, "log-file /tmp/x.log\ntcp-close\nexternal mnt[mecmig-masked]:/etc/criu/mecmig-masked");
        CriuRuncConfigStep step = new CriuRuncConfigStep(paths, true);

        Path mounts = paths.criuMounts();
        String external = "external mnt[/proc/acpi]:mecmig-masked\nexternal mnt[/proc/asound]:mecmig-masked\n"
                + "external mnt[/proc/scsi]:mecmig-masked\nexternal mnt[/sys/firmware]:mecmig-masked\n"
                + "external mnt[mecmig-masked]:" + mounts.resolve("masked") + "\n"
                + "external mnt[/dev]:mecmig-dev\nexternal mnt[mecmig-dev]:" + mounts.resolve("dev") + "\n"
                + "external mnt[/sys/fs/cgroup]:mecmig-cgroup\nexternal mnt[mecmig-cgroup]:" + mounts.resolve("cgroup") + "\n";

        assertThat(step.isDone()).isFalse();
        assertThat(step.apply()).startsWith("added tcp-established, skip-in-flight, network-lock skip, external mnt[/proc/acpi]:mecmig-masked")
                .endsWith("; removed external mnt[mecmig-masked]:/etc/criu/mecmig-masked");
        assertThat(step.isDone()).isTrue();
        assertThat(Files.readString(config)).isEqualTo("log-file /tmp/x.log\ntcp-close\ntcp-established\nskip-in-flight\nnetwork-lock skip\n" + external);
        assertThat(step.verify()).contains("external mnt[mecmig-dev]:" + mounts.resolve("dev"));

        // a second mapping of one of mecmig's keys, added by hand: verify names it
        Files.writeString(config, Files.readString(config) + "external mnt[mecmig-dev]:/somewhere\n");
        assertThat(step.isDone()).isFalse();
        assertThatThrownBy(step::verify).hasMessageContaining("external mnt[mecmig-dev]:/somewhere").hasMessageContaining("remove");
    }

    @Test
    void runcConfigMakesCriusFolderOnAMachineWithoutOne() throws Exception {
        SetupPaths paths = SetupPaths.under(root);
        CriuRuncConfigStep step = new CriuRuncConfigStep(paths, false);

        assertThat(paths.criuConfigDir()).doesNotExist();
        step.apply();

        assertThat(step.isDone()).isTrue();
        assertThat(Files.readAllLines(paths.criuConfigDir().resolve("runc.conf"))).containsAll(step.options());
    }

    @Test
    void runcConfigLeavesTheCgroupFolderAloneOnCgroupV2() {
        CriuRuncConfigStep step = new CriuRuncConfigStep(SetupPaths.under(root), false);

        assertThat(step.options()).contains("external mnt[/dev]:mecmig-dev").noneMatch(line -> line.contains("cgroup"));
    }
}
