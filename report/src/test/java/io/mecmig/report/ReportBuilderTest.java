package io.mecmig.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report built from recorded result lines (fixture-results/results.jsonl: 3 apps x 3 strategies x
 * {100 Mbit/s no loss, 100 Mbit/s 5 % loss, 1 Gbit/s no loss} x 3 runs, values picked so medians are known).
 */
class ReportBuilderTest {

    @TempDir
    static Path out;

    static ReportFiles files;

    @BeforeAll
    static void build() throws URISyntaxException {
        Path fixture = Path.of(Objects.requireNonNull(ReportBuilderTest.class.getResource("/fixture-results")).toURI());
        files = ReportBuilder.from(fixture)
                .mobility(new MobilityFigures(12.5, 1.1, 50.0, 2.0, "Monaco scenario, 10 moving UEs, 3600 s"))
                .generatedAt(Instant.parse("2026-11-26T10:00:00Z"))
                .write(out);
    }

    @Test
    void tableIvShowsTheObservedViabilityAndRunsThatDisagree() {
        Table iv = files.table("table-iv");
        assertThat(iv.cell("BA", "SFP (ours)")).isEqualTo("Yes (with some manual inputs)");
        assertThat(iv.cell("ASW", "FCCP (ours)")).isEqualTo("No");
        assertThat(iv.cell("ASW", "FullSP (ours)")).isEqualTo("Yes");
        assertThat(iv.cell("USPA", "FCCP (ours)")).isEqualTo("Yes 8/9; No 1/9");
        assertThat(iv.cell("USPA", "SFP (paper)")).isEqualTo("No");
    }

    @Test
    void tableIiiHasMediansWithSpreadBesideThePaper() {
        Table iii = files.table("table-iii");
        assertThat(iii.cell("ASW", "FullSP 0 % (ours)")).isEqualTo("0.500 [0.480–0.520] n=3");
        assertThat(iii.cell("ASW", "FullSP 5 % (ours)")).isEqualTo("0.850 [0.816–0.884] n=3");
        assertThat(iii.cell("ASW", "FullSP 5 % (paper)")).isEqualTo("2.112");
        assertThat(iii.cell("USPA", "FCCP 0 % (paper)")).isEqualTo("0.008");
        assertThat(iii.cell("BA", "FCCP 0 % (ours)")).isEqualTo("0.000 [0.000–0.000] n=3");
    }

    @Test
    void sideBySideComparesOurFiguresWithThePapers() {
        Table t = files.table("side-by-side");
        assertThat(t.note()).contains("fixture: 2 cores").contains("NUCs");
        assertThat(t.cell("container size, BA / USPA / ASW (MB)", "ours")).isEqualTo("111.80 / 112.10 / 152.20");
        assertThat(t.cell("container size, BA / USPA / ASW (MB)", "paper")).isEqualTo("111.82 / 112.14 / 152.17");
        assertThat(t.cell("tarball, FCCP over SFP, BA / USPA", "ours")).isEqualTo("+0.10 % / +0.10 %");
        assertThat(t.cell("commit freeze, FCCP and FullSP", "ours")).isEqualTo("0.180 s (BA) to 0.200 s (ASW)");
        assertThat(t.cell("USPA volume at relocation, 1 Gbit/s / 100 Mbit/s (KB)", "ours")).isEqualTo("80.0 / 110.0");
        assertThat(t.cell("downtime ASW FullSP, 100 Mbit/s, 0 % / 5 % loss (s)", "ours")).isEqualTo("3.400 / 3.750");
        assertThat(t.cell("downtime ASW FullSP, 100 Mbit/s, 0 % / 5 % loss (s)", "paper")).isEqualTo("3.431 / 5.027");
        assertThat(t.cell("pre-relocation transfer time, 1 Gbit/s over 100 Mbit/s", "ours")).isEqualTo("0.100");
        assertThat(t.cell("pre-relocation transfer at 5 % loss, over no loss, smallest / largest tarball", "ours"))
                .isEqualTo("+70.00 % / +70.00 %");
        assertThat(t.cell("pre-relocation transfer at 0.1 % / 1 % loss, over no loss", "ours"))
                .isEqualTo("not run / not run");
    }

    @Test
    void tableVComesFromTheMobilityFiguresGiven() {
        Table v = files.table("table-v");
        assertThat(v.cell("average time available", "MEH per PoA (ours)")).isEqualTo("12.500");
        assertThat(v.cell("shortest time observed", "MEH per zone (paper)")).isEqualTo("1.854");
        assertThat(v.note()).contains("Monaco");
    }

    @Test
    void mediansPerLinkAndRunsWithoutResultAreListed() {
        Table m = files.table("medians-100mbit-loss0");
        assertThat(m.rows()).hasSize(9);
        assertThat(m.rows().get(8).subList(0, 4)).containsExactly("ASW", "FullSP", "3", "3.400 [3.360–3.440] n=3");
        Table notRun = files.table("not-run");
        assertThat(notRun.rows()).singleElement().satisfies(r -> assertThat(r).contains("faster", "unavailable",
                "unknown strategy 'faster'"));
    }

    @Test
    void everyFigureIsAPngWithBarsOnIt() throws Exception {
        assertThat(files.charts()).extracting(Chart::id).containsExactly("fig4-sizes", "fig5-pre-source",
                "fig5b-pre-transfer", "fig6-pre-target", "fig7-reloc-source", "fig8-reloc-transfer",
                "fig9-reloc-target", "fig10-downtime");
        for (Chart chart : files.charts()) {
            BufferedImage image = ImageIO.read(chart.png().toFile());
            assertThat(image.getWidth()).isEqualTo(ChartDrawer.WIDTH);
            assertThat(image.getHeight()).isEqualTo(ChartDrawer.HEIGHT);
            // The series' colours (strategies, or the downtime's parts) fill a visible area.
            assertThat(pixels(image, 0x4C72B0) + pixels(image, 0xDD8452) + pixels(image, 0x55A868))
                    .as(chart.id()).isGreaterThan(5_000);
        }
    }

    @Test
    void htmlIsSelfContainedAndMarkdownLinksTheCharts() throws Exception {
        String html = Files.readString(files.html());
        Matcher images = Pattern.compile("<img [^>]*src=\"([^\"]*)\"").matcher(html);
        int count = 0;
        while (images.find()) {
            assertThat(images.group(1)).startsWith("data:image/png;base64,");
            count++;
        }
        assertThat(count).isEqualTo(8);
        assertThat(html).doesNotContain("href=\"http", "src=\"http");
        assertThat(html).contains("Table IV", "Table V", "Side by side", "3.400 [3.360–3.440] n=3");
        String md = Files.readString(files.markdown());
        assertThat(md).contains("![Fig. 10: service downtime by part](charts/fig10-downtime.png)")
                .contains("| ASW | FullSP | 3 | 3.400 [3.360–3.440] n=3 |");
        assertThat(out.resolve("charts/fig4-sizes.png")).isRegularFile();
    }

    @Test
    void aFolderWithoutResultsIsRefusedWithTheCommandThatWritesThem(@TempDir Path empty) {
        assertThatThrownBy(() -> ReportBuilder.from(empty)).hasMessageContaining("no results.jsonl in")
                .hasMessageContaining("./mecmig experiment --out");
    }

    private static long pixels(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
