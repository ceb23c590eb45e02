package io.mecmig.apps.uspa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Algorithm 1: where runtime data goes in each phase. */
class RuntimeLogTest {

    @TempDir
    Path root;

    @Test
    void migrationModeLeavesTheContainerFilesystemAloneAndPhaseChangesTruncateTheVolumeData() throws Exception {
        Path logs = root.resolve("container/var/log");
        Path data = root.resolve("volume");
        RuntimeLog log = new RuntimeLog(logs, data);

        log.append("normal 1");
        assertThat(logs.resolve("runtime.log")).hasContent("normal 1");

        log.changePhase(Phase.MIGRATION);
        log.append("migrating 1");
        log.append("migrating 2");
        assertThat(logs.resolve("runtime.log")).hasContent("normal 1");
        assertThat(data.resolve("runtimedata.dat")).hasContent("migrating 1\nmigrating 2");

        log.changePhase(Phase.MIGRATION); // not a change: keeps the data
        assertThat(Files.size(data.resolve("runtimedata.dat"))).isPositive();

        log.changePhase(Phase.NORMAL);
        assertThat(data.resolve("runtimedata.dat")).isEmptyFile();
        log.append("normal 2");
        assertThat(logs.resolve("runtime.log")).hasContent("normal 1\nnormal 2");
    }
}
