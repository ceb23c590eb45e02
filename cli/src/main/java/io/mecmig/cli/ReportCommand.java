package io.mecmig.cli;

import io.mecmig.report.MobilityFigures;
import io.mecmig.report.ReportBuilder;
import io.mecmig.report.ReportFiles;
import io.mecmig.report.SandboxMobility;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./mecmig report DIR}: the HTML report and Markdown summary of an experiment, with the paper's
 * figures 4-10 as PNG charts, tables III-V and a side-by-side table against the paper.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the HTML and Markdown report, with the paper's figures and tables, from experiment results.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the folder an experiment wrote (holds results.jsonl)")
    Path dir;

    @Option(names = "--out", description = "where to write the report (default: DIR/report)")
    Path out;

    @Option(names = "--mobility-minutes", defaultValue = "120",
            description = "scenario minutes of Monaco mobility simulated for Table V; 0 leaves Table V out (default: ${DEFAULT-VALUE})")
    long mobilityMinutes;

    @Override
    public Integer call() {
        System.setProperty("java.awt.headless", "true");
        Path target = out == null ? dir.resolve("report") : out;
        ReportFiles files = write(dir, target, mobilityMinutes);
        System.out.println("report: " + files.html().toAbsolutePath().normalize());
        System.out.println("summary: " + files.markdown().toAbsolutePath().normalize());
        System.out.println("charts: " + files.charts().size() + " PNG files in "
                + target.resolve(ReportBuilder.CHARTS).toAbsolutePath().normalize());
        return 0;
    }

    /** Builds the report; shared with the demo. */
    static ReportFiles write(Path dir, Path target, long mobilityMinutes) {
        ReportBuilder builder = ReportBuilder.from(dir);
        if (mobilityMinutes > 0) {
            System.out.println("report: Table V: simulating " + mobilityMinutes + " min of Monaco mobility");
            MobilityFigures mobility = SandboxMobility.monaco(Duration.ofMinutes(mobilityMinutes));
            builder.mobility(mobility);
        }
        return builder.write(target);
    }
}
