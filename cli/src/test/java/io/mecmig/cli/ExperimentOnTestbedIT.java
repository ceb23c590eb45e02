package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.experiment.ExperimentPlan;
import io.mecmig.experiment.ExperimentSummary;
import io.mecmig.experiment.Figures;
import io.mecmig.experiment.ResultsStore;
import io.mecmig.experiment.RunRecord;
import io.mecmig.experiment.RunStatus;
import io.mecmig.report.ReportBuilder;
import io.mecmig.report.ReportFiles;
import io.mecmig.testbed.Testbed;
import io.mecmig.testbed.TestbedConfig;
import io.mecmig.testbed.TestbedHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One small real experiment: USPA moved with FCCP over the testbed's link shaped to 100 Mbit/s, twice, then
 * the report of it. Needs root, the testbed and the apps' images (brought up and built here if missing).
 */
@Tag("docker")
class ExperimentOnTestbedIT {

    @TempDir
    Path out;

    @Test
    void aSmallMatrixRunsOnTheTestbedAndItsReportHasTheFigures() {
        TestbedHosts hosts = Testbed.local(TestbedConfig.defaults()).up();
        int images = Main.commandLine().execute("images", "build", "--app", "uspa", "--engine",
                hosts.source().dockerUri().toString());
        assertThat(images).as("images build").isZero();

        ExperimentPlan plan = new ExperimentPlan(List.of("uspa"), List.of("fccp"), List.of("100mbit"), List.of(0.0), 2);
        ExperimentSummary summary = ExperimentCommand.execute(plan, out, Duration.ofSeconds(3),
                ExperimentSessions.DEFAULT_HOSTS);

        List<RunRecord> runs = new ResultsStore(out).all();
        assertThat(runs).as("%s", runs).extracting(RunRecord::status).containsOnly(RunStatus.COMPLETED);
        assertThat(summary.complete()).isTrue();
        for (RunRecord run : runs) {
            assertThat(run.number(Figures.TARBALL_SIZE)).get().satisfies(v -> assertThat(v).isGreaterThan(1e6));
            assertThat(run.number(Figures.PRE_TRANSFER)).get().satisfies(v -> assertThat(v).isGreaterThan(0.0));
            assertThat(run.number(Figures.DOWNTIME_PAPER)).get().satisfies(v -> assertThat(v).isGreaterThan(0.0));
            assertThat(run.text(Figures.STATE_PRESERVED)).contains("true");
            // USPA learns its zone from the Location API, which only the httpd gateway in front of the
            // sandbox exposes to the hosts: a zone means the app's calls went through the gateway.
            assertThat(run.migrationReport()).get().satisfies(r -> assertThat(r.stateCheck().before())
                    .containsPattern("\"zone\":\"[^\"]+\""));
            // The tarball crossed a 100 Mbit/s link: it cannot have been faster than the rate allows.
            double floor = run.number(Figures.PRE_LINK_BYTES).orElseThrow() * 8 / 100e6;
            assertThat(run.number(Figures.PRE_TRANSFER).orElseThrow()).isGreaterThan(floor * 0.9);
        }

        ReportFiles report = ReportBuilder.from(out).write(out.resolve("report"));
        assertThat(report.charts()).isNotEmpty();
        assertThat(report.table("table-iv").cell("USPA", "FCCP (ours)")).isEqualTo("Yes");
    }
}
