package io.mecmig.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestbedLayoutTest {

    @Test
    void twoHostsAreJoinedByOneVethPair() {
        TestbedLayout layout = new TestbedLayout(2);
        assertThat(layout.hosts()).extracting(TestbedLayout.HostPlan::name).containsExactly("meh-src", "meh-dst");
        assertThat(layout.links()).singleElement().isEqualTo(
                new TestbedLayout.LinkPlan("meh-src", "lk-meh-dst", "10.77.0.1", "meh-dst", "lk-meh-src", "10.77.0.2"));
        TestbedLayout.HostPlan dst = layout.host("meh-dst");
        assertThat(dst.rootAddress()).isEqualTo("10.77.2.1");
        assertThat(dst.hostAddress()).isEqualTo("10.77.2.2");
        assertThat(dst.bridgeCidr()).isEqualTo("10.77.20.1/24");
        assertThat(dst.bridgeNetwork()).isEqualTo("10.77.20.0/24");
        assertThat(dst.rootInterface()).isEqualTo("mgmt-meh-dst");
    }

    @Test
    void moreHostsGetAFullMeshOfDistinctSlash30Links() {
        TestbedLayout layout = new TestbedLayout(4);
        assertThat(layout.hosts()).extracting(TestbedLayout.HostPlan::name)
                .containsExactly("meh-src", "meh-dst", "meh-3", "meh-4");
        assertThat(layout.links()).hasSize(6);
        assertThat(layout.link("meh-3", "meh-dst")).isEqualTo(
                new TestbedLayout.LinkPlan("meh-dst", "lk-meh-3", "10.77.0.13", "meh-3", "lk-meh-dst", "10.77.0.14"));
        assertThat(layout.links()).flatExtracting(l -> java.util.List.of(l.aAddress(), l.bAddress())).doesNotHaveDuplicates();
    }

    @Test
    void interfaceNamesFitTheKernelLimitForEveryHostCount() {
        TestbedLayout layout = new TestbedLayout(TestbedConfig.MAX_HOSTS);
        layout.hosts().forEach(h -> assertThat(h.rootInterface().length()).isLessThanOrEqualTo(15));
        layout.links().forEach(l -> assertThat(l.aInterface().length()).isLessThanOrEqualTo(15));
        assertThat(layout.hosts()).allMatch(h -> layout.indexOf(h.name()) == h.index());
        assertThat(layout.indexOf("mit-src")).isZero();
    }

    @Test
    void theTestsOwnTestbedSharesNoNameOrAddressWithTheDefaultOne() {
        TestbedLayout mine = new TestbedLayout(TestbedConfig.isolatedForTests().withHosts(TestbedConfig.MAX_HOSTS));
        TestbedLayout theirs = new TestbedLayout(TestbedConfig.MAX_HOSTS);
        assertThat(mine.link("mit-src", "mit-dst").aAddress()).isEqualTo("10.77.100.1");
        assertThat(mine.host("mit-dst").hostAddress()).isEqualTo("10.77.102.2");
        assertThat(mine.host("mit-8").bridgeCidr()).isEqualTo("10.77.180.1/24");
        java.util.Set<String> used = new java.util.HashSet<>();
        for (TestbedLayout layout : java.util.List.of(mine, theirs)) {
            layout.hosts().forEach(h -> {
                assertThat(used.add(h.name())).isTrue();
                assertThat(used.add(h.rootInterface())).isTrue();
                assertThat(used.add(h.hostAddress())).isTrue();
                assertThat(used.add(h.bridgeNetwork())).isTrue();
            });
            layout.links().forEach(l -> assertThat(used.add(l.aAddress()) && used.add(l.bAddress())).isTrue());
        }
    }

    @Test
    void rejectsImpossibleSizes() {
        assertThatThrownBy(() -> new TestbedLayout(1)).hasMessageContaining("2 to 8 hosts");
        assertThatThrownBy(() -> new TestbedLayout(9)).hasMessageContaining("2 to 8 hosts");
    }
}
