package io.mecmig.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a result line recorded on the real testbed (USPA, FCCP, 100 Mbit/s, one run, 2026-11-26). */
class RecordedRunReportTest {

    @Test
    void aRecordedTestbedRunGivesItsFiguresAndCharts(@TempDir Path out) throws URISyntaxException {
        Path recorded = Path.of(Objects.requireNonNull(getClass().getResource("/recorded-testbed")).toURI());
        ReportFiles files = ReportBuilder.from(recorded).write(out);

        Table medians = files.table("medians-100mbit-loss0");
        assertThat(medians.cell("USPA", "downtime (paper) (s)")).isEqualTo("58.864");
        assertThat(medians.cell("USPA", "tarball + pre-relocation checkpoint (MB)")).isEqualTo("77.61");
        assertThat(medians.cell("USPA", "state kept")).isEqualTo("1/1");
        assertThat(files.table("table-iv").cell("USPA", "FCCP (ours)")).isEqualTo("Yes");
        Table side = files.table("side-by-side");
        assertThat(side.cell("commit freeze, FCCP and FullSP", "ours")).isEqualTo("1.351 s (USPA) to 1.351 s (USPA)");
        assertThat(side.cell("checkpoint data sent in relocation (MB), and how much less than the whole", "ours"))
                .isEqualTo("not run, not run");
        assertThat(side.note()).contains("Docker 20.10.24");
        assertThat(files.charts()).hasSize(8);
    }
}
