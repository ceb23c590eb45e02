package io.mecmig.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The kernel probe the testbed caches is the one the next CRIU run loads instead of probing again. */
@Tag("docker")
class CriuKernelCacheIT {

    @Test
    void criuLoadsTheCachedProbe() throws Exception {
        ProcessRunner runner = new ProcessRunner();
        String said = new CriuKernelCache(runner).refresh();
        Path log = Files.createTempFile("criu-check", ".log");
        try {
            runner.run(Command.of("criu", "check", "-v4", "-o", log.toString()));
            assertThat(Files.readString(log)).as(said).contains("Loaded kdat cache from " + CriuKernelCache.FILE);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
