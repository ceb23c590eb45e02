package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
    void closingLineIsTheOneCiReads() {
        TestTally tally = new TestTally(new TestTally.Count(10, 0, 0), new TestTally.Count(4, 1, 0));
        assertThat(tally.describe()).endsWith("13 passed, 1 failed, 0 skipped");
    }
}
