package io.mecmig.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mecmig.experiment.Figures;
import io.mecmig.experiment.RunRecord;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** What the charts say: link settings written as the paper writes them, Fig. 10's stack adding up. */
class PaperChartsTest {

    @Test
    void linkSettingsReadAsThePaperWritesThem() {
        assertThat(LinkConfig.REFERENCE.label()).isEqualTo("100 Mbit/s, no loss");
        assertThat(new LinkConfig("1gbit", 1_000_000_000L, 5).label()).isEqualTo("1 Gbit/s, 5 % loss");
        assertThat(new LinkConfig("100mbit", 100_000_000L, 0.1).label()).isEqualTo("100 Mbit/s, 0.1 % loss");
        assertThat(new LinkConfig("unshaped", 0, 0).label()).isEqualTo("unshaped, no loss");
    }

    @Test
    void figureTenStacksTheMedianRunWhosePartsAddUpToItsDowntime() throws URISyntaxException {
        Path fixture = Path.of(Objects.requireNonNull(getClass().getResource("/fixture-results")).toURI());
        Results results = Results.read(fixture);

        RunRecord median = PaperCharts.medianRun(results.cell("asw", "fullsp", LinkConfig.REFERENCE)).orElseThrow();

        double downtime = median.number(Figures.DOWNTIME_PAPER).orElseThrow();
        assertThat(downtime).isEqualTo(3.4);
        double parts = median.number(Figures.DOWNTIME_SOURCE).orElseThrow()
                + median.number(Figures.DOWNTIME_TRANSFER).orElseThrow()
                + median.number(Figures.DOWNTIME_TARGET).orElseThrow();
        assertThat(parts).isCloseTo(downtime, within(1e-9));
    }

    @Test
    void valueAxesNameTheQuantityAndItsUnit() {
        assertThat(Metric.RELOC_TARGET.axisLabel()).isEqualTo("time (s)");
        assertThat(Metric.PRE_DATA.axisLabel()).isEqualTo("size (MB)");
        assertThat(Metric.VOLUME.axisLabel()).isEqualTo("size (KB)");
    }
}
