package io.mecmig.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMemoryTest {

    @TempDir
    Path proc;

    @Test
    void sumsTheProcessAndItsDescendantsOnly() throws Exception {
        process(1, 0, "systemd", 9000);
        process(100, 1, "sh", 800);          // the container's first process
        process(101, 100, "memcached", 2000); // its child
        process(102, 101, "a (b) c", 300);    // a grandchild whose name holds spaces and parentheses
        process(200, 1, "other", 5000);       // not in the container
        Files.createDirectories(proc.resolve("self"));

        ProcessMemory memory = ProcessMemory.of(proc, 100);

        assertThat(memory.processes()).isEqualTo(3);
        assertThat(memory.rssKilobytes()).isEqualTo(3100);
    }

    @Test
    void aProcessOfAnotherMachineIsNamedWithTheFix() {
        assertThatThrownBy(() -> ProcessMemory.of(proc, 4242))
                .hasMessageContaining("no process 4242").hasMessageContaining("--engine");
    }

    @Test
    void readsThisJvmFromTheRealProc() {
        ProcessMemory self = ProcessMemory.of(ProcessHandle.current().pid());
        assertThat(self.processes()).isGreaterThanOrEqualTo(1);
        assertThat(self.rssKilobytes()).as("a JVM's RSS in kB").isGreaterThan(10_000);
    }

    private void process(long pid, long parent, String name, long rssKb) throws Exception {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (" + name + ") S " + parent + " " + pid + " " + pid + " 0 -1\n");
        Files.writeString(dir.resolve("status"), "Name:\t" + name + "\nVmPeak:\t 99999 kB\nVmRSS:\t    " + rssKb + " kB\nThreads:\t1\n");
    }
}
