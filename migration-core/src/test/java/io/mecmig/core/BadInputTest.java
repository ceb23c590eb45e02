package io.mecmig.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BadInputTest {

    private final Fixtures f = new Fixtures().sourceRuns("{\"counter\":1}");

    @Test
    void sameSourceAndTarget() {
        assertThatThrownBy(() -> Migration.of(f.app(StateNeeds.NONE)).from(f.source).to(f.source)
                .strategy(Fixtures.strategy(StateNeeds.NONE)).preRelocate())
                .isInstanceOf(InvalidMigrationException.class)
                .hasMessage("source and target are the same host 'src': migrate between two different hosts");
    }

    @Test
    void appNotRunningOnTheSource() {
        f.source.removeContainer("uspa");
        assertThatThrownBy(() -> Migration.of(f.app(StateNeeds.NONE)).from(f.source).to(f.target)
                .strategy(Fixtures.strategy(StateNeeds.NONE)).preRelocate())
                .isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("app container 'uspa' is not running on src: start it there first");
    }

    @Test
    void noApp() {
        assertThatThrownBy(() -> Migration.of(null)).isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("pass an AppSpec");
    }

    @Test
    void unknownStrategyListsTheKnownOnes() {
        assertThat(new UnknownStrategyException("teleport", List.of("sfp", "fccp", "fullsp")))
                .hasMessage("unknown strategy 'teleport': use one of sfp, fccp, fullsp");
    }

    @Test
    void unknownStrategyByNameOnTheBuilderSaysWhatToAdd() {
        // The core alone provides no strategy: the message names the backends that do.
        assertThatThrownBy(() -> Migration.of(f.app(StateNeeds.NONE)).from(f.source).to(f.target).strategy("teleport"))
                .isInstanceOf(UnknownStrategyException.class)
                .hasMessage("unknown strategy 'teleport': no strategy is on the class path; add migration-docker"
                        + " or migration-criu to it");
    }

    @Test
    void missingHostsAndStrategy() {
        assertThatThrownBy(() -> Migration.of(f.app(StateNeeds.NONE)).strategy(Fixtures.strategy(StateNeeds.NONE))
                .preRelocate()).hasMessageContaining("call .from(host).to(host)");
        assertThatThrownBy(() -> Migration.of(f.app(StateNeeds.NONE)).from(f.source).to(f.target).preRelocate())
                .hasMessageContaining("no strategy given");
    }

    @Test
    void hostileContainerAndVolumeNamesAreRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> AppSpec.builder("uspa; rm -rf /").build())
                .isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("invalid container name 'uspa; rm -rf /'");
        assertThatThrownBy(() -> AppSpec.builder("uspa").volume("../../etc").build())
                .isInstanceOf(InvalidMigrationException.class)
                .hasMessageContaining("invalid volume name");
        assertThatThrownBy(() -> AppSpec.builder("uspa").servicePort(0).build())
                .hasMessageContaining("out of range");
    }

    @Test
    void badLinkRates() {
        assertThatThrownBy(() -> LinkProfile.of("fast", 0)).hasMessageContaining("for example 100mbit or 1gbit");
        assertThatThrownBy(() -> LinkProfile.of("100mbit", 120)).hasMessageContaining("use 0 to 100");
    }
}
