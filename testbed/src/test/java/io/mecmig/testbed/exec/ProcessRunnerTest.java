package io.mecmig.testbed.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessRunnerTest {

    private final ProcessRunner runner = new ProcessRunner();

    @Test
    void capturesOutputErrorAndStatus() {
        CommandResult r = runner.run(Command.of("sh", "-c", "echo out; echo err >&2; exit 4"));
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
    }

    @Test
    void passesArgumentsWithoutAShell() {
        CommandResult r = runner.run(Command.of("printf", "%s|", "a b", "$HOME", ";rm"));
        assertThat(r.stdout()).isEqualTo("a b|$HOME|;rm|");
    }

    @Test
    void feedsStandardInput() {
        assertThat(runner.output(Command.of("cat").withStdin("hello"))).isEqualTo("hello");
    }

    @Test
    void killsACommandThatRunsTooLong() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> runner.run(Command.of("sleep", "30").withTimeout(Duration.ofMillis(300))))
                .isInstanceOf(CommandFailedException.class).hasMessageContaining("did not finish within");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aMissingProgramSaysSo() {
        assertThatThrownBy(() -> runner.run(Command.of("no-such-program-mecmig")))
                .isInstanceOf(CommandFailedException.class).hasMessageContaining("cannot start `no-such-program-mecmig`");
        assertThat(runner.succeeds(Command.of("no-such-program-mecmig"))).isFalse();
    }
}
