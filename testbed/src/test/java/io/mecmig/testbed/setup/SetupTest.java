package io.mecmig.testbed.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandFailedException;
import io.mecmig.testbed.exec.CommandResult;
import io.mecmig.testbed.exec.FakeRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupTest {

    @TempDir
    Path root;

    private final List<String> printed = new ArrayList<>();

    private HostPreconditions rootOnDebian() throws Exception {
        SetupPaths paths = SetupPaths.under(root);
        Files.createDirectories(paths.osRelease().getParent());
        Files.writeString(paths.osRelease(), "ID=debian\nVERSION_CODENAME=bookworm\n");
        return new HostPreconditions(new FakeRunner().answer("id -u", "0\n").answer("apt-get --version", "apt 2.6.1"),
                paths);
    }

    @Test
    void printsWhatItDidAndWhatItSkipped() throws Exception {
        FakeStep present = new FakeStep("memcached", true);
        FakeStep missing = new FakeStep("CRIU 4.2.1", false);

        List<StepOutcome> outcomes = new Setup(rootOnDebian(), List.of(present, missing), printed::add).run();

        assertThat(printed).containsExactly(
                "[1/2] memcached: already there, skipped; verified: memcached works",
                "[2/2] CRIU 4.2.1: working...",
                "[2/2] CRIU 4.2.1: installed CRIU 4.2.1; verified: CRIU 4.2.1 works",
                "setup complete: 1 of 2 steps were already in place");
        assertThat(present.applied).isFalse();
        assertThat(missing.applied).isTrue();
        assertThat(outcomes).extracting(StepOutcome::skipped).containsExactly(true, false);
    }

    @Test
    void stopsAtTheFirstFailingStepNamingIt() throws Exception {
        FakeStep failing = new FakeStep("system packages", false) {
            @Override
            public String apply() {
                throw CommandFailedException.exited(new CommandResult(Command.of("apt-get", "install", "memcached"),
                        100, "", "E: Unable to locate package memcached", Duration.ZERO));
            }
        };
        FakeStep later = new FakeStep("CRIU 4.2.1", false);

        assertThatThrownBy(() -> new Setup(rootOnDebian(), List.of(failing, later), printed::add).run())
                .isInstanceOf(SetupException.class)
                .hasMessageStartingWith("system packages failed: ")
                .hasMessageContaining("`apt-get install memcached` exited with status 100: E: Unable to locate package memcached");
        assertThat(later.applied).isFalse();
    }

    @Test
    void refusesANonRootUserBeforeAnyStep() throws Exception {
        SetupPaths paths = SetupPaths.under(root);
        FakeStep step = new FakeStep("memcached", false);
        HostPreconditions notRoot = new HostPreconditions(new FakeRunner().answer("id -u", "1001\n"), paths);

        assertThatThrownBy(() -> new Setup(notRoot, List.of(step), printed::add).run())
                .hasMessageContaining("must run as root (uid 0, not 1001): run `sudo ./mecmig setup`");
        assertThat(step.applied).isFalse();
        assertThat(printed).isEmpty();
    }

    /** A step that is in place or not, and remembers whether it was applied. */
    private static class FakeStep implements SetupStep {
        private final String title;
        private final boolean done;
        boolean applied;

        FakeStep(String title, boolean done) {
            this.title = title;
            this.done = done;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public boolean isDone() {
            return done;
        }

        @Override
        public String apply() {
            applied = true;
            return "installed " + title;
        }

        @Override
        public String verify() {
            return title + " works";
        }
    }
}
