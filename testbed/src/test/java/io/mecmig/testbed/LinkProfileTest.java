package io.mecmig.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinkProfileTest {

    @Test
    void parsesTcStyleRates() {
        assertThat(LinkProfile.parseRate("1gbit")).isEqualTo(1_000_000_000L);
        assertThat(LinkProfile.parseRate("100mbit")).isEqualTo(100_000_000L);
        assertThat(LinkProfile.parseRate("2.5Mbit")).isEqualTo(2_500_000L);
        assertThat(LinkProfile.parseRate("unlimited")).isZero();
        assertThat(LinkProfile.of("100mbit", 5).rateText()).isEqualTo("100mbit");
        assertThat(LinkProfile.of("1gbit", 0).rateText()).isEqualTo("1gbit");
    }

    @Test
    void rejectsNonsenseWithTheFix() {
        assertThatThrownBy(() -> LinkProfile.parseRate("fast")).hasMessageContaining("write e.g. 1gbit, 100mbit");
        assertThatThrownBy(() -> LinkProfile.of("100mbit", 101)).hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> LinkProfile.of("100mbit", Double.NaN)).hasMessageContaining("0 to 100");
    }

    @Test
    void lossResolutionIsOneThousandthOfAPercent() {
        assertThat(LinkProfile.of("100mbit", 5).lossPer100k()).isEqualTo(5_000);
        assertThat(LinkProfile.of("100mbit", 0.1).lossPer100k()).isEqualTo(100);
    }
}
