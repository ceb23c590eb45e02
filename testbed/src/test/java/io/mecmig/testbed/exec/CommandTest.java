package io.mecmig.testbed.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void displayQuotesArgumentsAShellWouldSplitOrInterpret() {
        Command c = Command.of("echo", "a b", "it's", "$HOME", "plain-1.2:3");
        assertThat(c.display()).isEqualTo("echo 'a b' 'it'\\''s' '$HOME' plain-1.2:3");
    }

    @Test
    void prefixKeepsArgumentsSeparate() {
        Command c = Command.of("ip", "addr").prefixedBy(List.of("nsenter", "--net=/run/netns/meh-src", "--"));
        assertThat(c.argv()).containsExactly("nsenter", "--net=/run/netns/meh-src", "--", "ip", "addr");
    }

    @Test
    void rejectsEmptyAndNulArguments() {
        assertThatThrownBy(() -> Command.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Command.of("echo", "a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failedResultNamesCommandStatusAndStderr() {
        CommandResult r = new CommandResult(Command.of("false", "x"), 3, "", "boom\n", Duration.ZERO);
        assertThatThrownBy(r::requireOk).isInstanceOf(CommandFailedException.class)
                .hasMessage("`false x` exited with status 3: boom");
    }
}
