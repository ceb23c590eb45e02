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
    void runcConfigGetsEachMissingOptionOnce() throws Exception {
        SetupPaths paths = SetupPaths.under(root);
        Files.createDirectories(paths.criuConfigDir());
        Files.writeString(paths.criuConfigDir().resolve("runc.conf"), "log-file /tmp/x.log\ntcp-close");
        CriuRuncConfigStep step = new CriuRuncConfigStep(paths);

        Path masked = paths.criuConfigDir().resolve("mecmig-masked");
        String external = "external mnt[/proc/acpi]:mecmig-masked\nexternal mnt[/proc/asound]:mecmig-masked\n"
                + "external mnt[/proc/scsi]:mecmig-masked\nexternal mnt[/sys/firmware]:mecmig-masked\n"
                + "external mnt[mecmig-masked]:" + masked + "\n";

        assertThat(step.isDone()).isFalse();
        assertThat(step.apply()).startsWith("added tcp-established, skip-in-flight, external mnt[/proc/acpi]:mecmig-masked");
        assertThat(step.isDone()).isTrue();
        assertThat(Files.readString(paths.criuConfigDir().resolve("runc.conf")))
                .isEqualTo("log-file /tmp/x.log\ntcp-close\ntcp-established\nskip-in-flight\n" + external);
        assertThat(masked).isEmptyDirectory();

        // the masked folder gone (a fresh /etc), the lines still there: only the folder is made again
        Files.delete(masked);
        assertThat(step.isDone()).isFalse();
        assertThat(step.apply()).isEqualTo("made " + masked);
        assertThat(step.isDone()).isTrue();
        assertThat(step.verify()).contains("external mnt[mecmig-masked]:" + masked);
    }
}
