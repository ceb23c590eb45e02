package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestTallyTest {

    @Test
    void readsCountsWhateverTheAttributeOrder() {
        String surefire = "<?xml version=\"1.0\"?>\n<testsuite xmlns:xsi=\"x\" name=\"a.BTest\" time=\"0.1\""
                + " tests=\"7\" errors=\"1\" skipped=\"2\" failures=\"1\">\n<properties/>";
        assertThat(TestTally.parse(surefire)).isEqualTo(new TestTally.Count(5, 2, 2));
        String other = "<testsuite failures=\"0\" skipped=\"0\" errors=\"0\" tests=\"3\" name=\"x\">";
        assertThat(TestTally.parse(other)).isEqualTo(new TestTally.Count(3, 0, 0));
    }

    @Test
    void aSkippedIntegrationTestFailsTheRun(@TempDir Path home) throws Exception {
        report(home, "migration-criu", "surefire-reports", "<testsuite tests=\"40\" skipped=\"0\" errors=\"0\" failures=\"0\">");
        report(home, "migration-criu", "failsafe-reports", "<testsuite tests=\"3\" skipped=\"1\" errors=\"0\" failures=\"0\">");
        report(home, "testbed", "failsafe-reports", "<testsuite tests=\"5\" skipped=\"0\" errors=\"0\" failures=\"0\">");

        TestTally tally = TestTally.collect(home);

        assertThat(tally.integration()).isEqualTo(new TestTally.Count(7, 0, 1));
        assertThat(tally.incompleteness(true)).contains("1 integration test(s) were skipped; every one must run:"
                + " see which in */target/failsafe-reports");
        assertThat(tally.incompleteness(false)).as("one module tested").isPresent();
    }

    @Test
    void aWholeSuiteWithoutIntegrationTestsFailsButOneModuleMayHaveNone(@TempDir Path home) throws Exception {
        report(home, "migration-core", "surefire-reports", "<testsuite tests=\"95\" skipped=\"0\" errors=\"0\" failures=\"0\">");

        TestTally tally = TestTally.collect(home);

        assertThat(tally.incompleteness(true)).contains("no integration test ran: the suite is incomplete");
        assertThat(tally.incompleteness(false)).isEmpty();
    }

    @Test
    void aCompleteRunPasses(@TempDir Path home) throws Exception {
        report(home, "testbed", "failsafe-reports", "<testsuite tests=\"5\" skipped=\"0\" errors=\"0\" failures=\"0\">");
        assertThat(TestTally.collect(home).incompleteness(true)).isEmpty();
    }

    private static void report(Path home, String module, String folder, String suite) throws Exception {
        Path dir = Files.createDirectories(home.resolve(module).resolve("target").resolve(folder));
        Files.writeString(dir.resolve("TEST-io.mecmig.X" + Files.list(dir).count() + ".xml"),
                "<?xml version=\"1.0\"?>\n" + suite + "\n<properties/>\n</testsuite>\n");
    }

    @Test
    void closingLineIsTheOneCiReads() {
        TestTally tally = new TestTally(new TestTally.Count(10, 0, 0), new TestTally.Count(4, 1, 0));
        assertThat(tally.describe()).endsWith("13 passed, 1 failed, 0 skipped");
    }
}
