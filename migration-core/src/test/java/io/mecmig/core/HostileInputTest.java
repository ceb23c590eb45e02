package io.mecmig.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names that would be shell syntax, options or paths in a command are refused before anything runs. */
class HostileInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"a;rm -rf /", "$(reboot)", "`id`", "../x", "x/../../etc", "-rm", "--help", "uspä",
            "ünïcode", "a b", "a\nb", "a|b", "a&b", "a>b", "'quoted'", "\"q\"", ".hidden", "_x", "", " "})
    void hostileContainerAndVolumeNamesAreRefused(String hostile) {
        assertThatThrownBy(() -> AppSpec.builder(hostile).build())
                .isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("invalid container name")
                .hasMessageContaining("use 1 to 128 of letters, digits");
        assertThatThrownBy(() -> AppSpec.builder("uspa").volume(hostile).build())
                .isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("invalid volume name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"uspa", "asw-1", "a.b_c", "X9"})
    void ordinaryNamesPass(String name) {
        assertThat(AppSpec.builder(name).volume(name + "-data").build().container()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a;reboot", "$(reboot)", "-oProxyCommand=x", "host name", "10.77.0.256", "1.2.3",
            "exa_mple.org", "-x.org", "a..b", "[::1", "::1;x", "mec\u00e9.org"})
    void hostileHostAddressesAreRefused(String hostile) {
        assertThatThrownBy(() -> Names.requireHostAddress("source host's SSH address", hostile))
                .isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("invalid source host's SSH address '" + hostile + "'")
                .hasMessageContaining("such as 10.77.0.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.77.0.2", "127.0.0.1", "localhost", "mec2.example.org", "fd00::2", "[fd00::2]", "::1"})
    void validHostAddressesPass(String address) {
        assertThat(Names.requireHostAddress("address", address)).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aMissingHostAddressSaysWhatToSet(String missing) {
        assertThatThrownBy(() -> Names.requireHostAddress("target host's Docker address", missing))
                .hasMessage("no target host's Docker address given: set it to the host's name or IP address,"
                        + " for example 10.77.0.2 or mec2.example.org");
        assertThatThrownBy(() -> Names.requireHostAddress("target host's Docker address", null))
                .hasMessageStartingWith("no target host's Docker address given");
    }
}
