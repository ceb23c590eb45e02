package io.mecmig.testbed.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SafeArgsTest {

    @Test
    void acceptsHostNamesAndAddresses() {
        assertThat(SafeArgs.name("host", "meh-src")).isEqualTo("meh-src");
        assertThat(SafeArgs.ipv4("address", "10.77.0.1")).isEqualTo("10.77.0.1");
    }

    @Test
    void rejectsWhatCouldBreakOutOfAnArgument() {
        assertThatThrownBy(() -> SafeArgs.name("host", "meh;rm -rf")).hasMessageContaining("host 'meh;rm -rf' is not valid");
        assertThatThrownBy(() -> SafeArgs.name("host", "a-name-that-is-too-long")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SafeArgs.ipv4("address", "10.77.0.256")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SafeArgs.debianPackage("-oAPT::x")).isInstanceOf(IllegalArgumentException.class);
    }
}
