package io.mecmig.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinkProfileTest {

    @Test
    void ratesAreReadAsTcWritesAndPrintsThem() {
        assertThat(LinkProfile.parseRate("1gbit")).isEqualTo(1_000_000_000L);
        assertThat(LinkProfile.parseRate("100mbit")).isEqualTo(100_000_000L);
        assertThat(LinkProfile.parseRate("2.5Mbit")).isEqualTo(2_500_000L);
        assertThat(LinkProfile.parseRate("1Gbit")).isEqualTo(1_000_000_000L);
        assertThat(LinkProfile.parseRate("unlimited")).isZero();
        assertThat(LinkProfile.of("100mbit", 5).rateLabel()).isEqualTo("100mbit");
        assertThat(LinkProfile.of("1gbit", 0).rateLabel()).isEqualTo("1gbit");
        assertThat(LinkProfile.of("unlimited", 0).limited()).isFalse();
        assertThat(LinkProfile.of("100mbit", 0.1)).hasToString("rate 100mbit, loss 0.1 %");
    }

    @Test
    void badValuesSayWhatIsAccepted() {
        assertThatThrownBy(() -> LinkProfile.parseRate("fast")).isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("for example 100mbit or 1gbit");
        assertThatThrownBy(() -> LinkProfile.of("100mbit", 101)).hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> LinkProfile.of("100mbit", Double.NaN)).hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> LinkProfile.of("800bit", 0)).hasMessageContaining("8kbit or more");
    }
}
