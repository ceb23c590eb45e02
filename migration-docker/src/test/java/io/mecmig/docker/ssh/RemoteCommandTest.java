package io.mecmig.docker.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteCommandTest {

    @Test
    void plainWordsStayReadableAndOthersAreQuoted() {
        assertThat(RemoteCommand.of("docker", "-H", "unix:///run/x.sock", "save", "-o", "/w/a b.tar", "img").line())
                .isEqualTo("docker -H unix:///run/x.sock save -o '/w/a b.tar' img");
    }

    @Test
    void quotesCannotBeBrokenOutOf() {
        assertThat(RemoteCommand.quote("it's; rm -rf /")).isEqualTo("'it'\"'\"'s; rm -rf /'");
        assertThat(RemoteCommand.quote("")).isEqualTo("''");
        assertThat(RemoteCommand.quote("/app/lib/*")).isEqualTo("'/app/lib/*'");
    }

    @Test
    void pipelinesAndBoundsCompose() {
        RemoteCommand c = RemoteCommand.of("dd", "if=/w/v.tar").pipe(RemoteCommand.of("nc", "-N", "10.77.0.2", "4000"));
        assertThat(c.line()).isEqualTo("dd if=/w/v.tar | nc -N 10.77.0.2 4000");
        assertThat(c.bounded(12).line()).isEqualTo("timeout 12 sh -c 'dd if=/w/v.tar | nc -N 10.77.0.2 4000'");
        assertThat(RemoteCommand.of("nc", "-l").into("/w/out file").line()).isEqualTo("nc -l > '/w/out file'");
    }

    @Test
    void emptyCommandsAreRejected() {
        assertThatThrownBy(() -> RemoteCommand.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
