package io.mecmig.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultTableTest {

    @TempDir
    Path tmp;

    @Test
    void rendersOneLinePerCellAndCountsTheCellsWhosePromiseHeld() {
        String table = FaultTable.render(List.of(
                new FaultResult(FaultCase.LINK_CUT_RELOCATION, "fccp", "ROLLED_BACK", "source", 1,
                        Duration.ofMillis(7250), true, "link cut at 'dd | nc volume' -> rolled back"),
                new FaultResult(FaultCase.TARGET_DOCKERD_KILLED, "fullsp", "ROLLED_BACK", "both", 2, null, false,
                        "dockerd killed")));

        assertThat(table.lines()).hasSize(4);
        assertThat(table).contains("link cut in relocation").contains("7.25 s").contains("kept")
                .contains("2 hosts").contains("LOST").contains("1 of 2 cells");
    }

    @Test
    void unknownFaultsAreRefusedListingTheKnownOnes() {
        assertThat(FaultCase.of("loss-20")).isEqualTo(FaultCase.LOSS_SPIKE);
        assertThatThrownBy(() -> FaultCase.of("meteor")).hasMessageContaining("unknown fault 'meteor'")
                .hasMessageContaining("link-cut-pre");
    }

    @Test
    void theCorruptedFileIsTheLargestReceivedSinceRelocationBegan() throws IOException {
        Path old = Files.write(tmp.resolve("image.tar"), new byte[5000]);
        Files.setLastModifiedTime(old, FileTime.fromMillis(1_000));
        Files.createDirectories(tmp.resolve("ck"));
        Files.write(tmp.resolve("ck/pages-1.img"), new byte[3000]);
        Files.write(tmp.resolve("ck/core.img"), new byte[10]);

        assertThat(Injector.largestSince(List.of(tmp, tmp.resolve("absent")), FileTime.fromMillis(2_000)))
                .contains(tmp.resolve("ck/pages-1.img"));
    }
}
