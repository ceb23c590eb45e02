package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoverCommandTest {

    @TempDir
    Path tmp;

    private String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.commandLine().execute(args)).isZero();
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyJournalHasNothingToRecover() {
        assertThat(run("recover", "--journal", tmp.toString())).contains("nothing to recover");
    }

    @Test
    void listsACrashedMigrationWithoutTouchingIt() throws Exception {
        Path file = tmp.resolve("mec-uspa-fccp-1-42-1.jsonl");
        Files.writeString(file, """
                {"event":"started","id":"mec-uspa-fccp-1","app":"mec-uspa","source":"meh-src","target":"meh-dst","strategy":"fccp"}
                {"event":"phase","phase":"RELOCATION"}
                {"event":"step-started","phase":"RELOCATION","step":"docker stop","side":"SOURCE","effect":"STOPS_SERVICE"}
                """);

        String out = run("recover", "--list", "--journal", tmp.toString());

        assertThat(out).contains("crashed:  mec-uspa-fccp-1: mec-uspa from meh-src to meh-dst with fccp,"
                + " RELOCATION, step 'docker stop' began");
        assertThat(Files.readString(file)).doesNotContain("recovered");
    }
}
