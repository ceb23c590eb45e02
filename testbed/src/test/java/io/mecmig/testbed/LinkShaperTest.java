package io.mecmig.testbed;

import io.mecmig.core.LinkProfile;
import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.FakeRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkShaperTest {

    private static final String NS = "nsenter --net=/run/netns/";

    @Test
    void withoutNetemShapesBothEndsWithHtbAndDropsWithNftables() {
        FakeRunner runner = new FakeRunner()
                .answer(NS + "meh-src -- tc qdisc add dev lo root handle 9: netem", 2, "", "Error: Specified qdisc kind is unknown.")
                .answer(NS, "");
        new LinkShaper(runner, new TestbedLayout(2)).apply(LinkProfile.of("100mbit", 5));

        assertThat(runner.ran()).contains(
                NS + "meh-src -- tc class add dev lk-meh-dst parent 1: classid 1:10 htb rate 100000000bit ceil 100000000bit burst 16000b cburst 16000b quantum 60000",
                NS + "meh-dst -- tc class add dev lk-meh-src parent 1: classid 1:10 htb rate 100000000bit ceil 100000000bit burst 16000b cburst 16000b quantum 60000");
        assertThat(runner.ran()).noneMatch(c -> c.contains("netem loss 5"));
        List<Command> nft = ranNft(runner);
        assertThat(nft).hasSize(2);
        assertThat(nft.get(0).stdin()).contains("oifname \"lk-meh-dst\" numgen random mod 100000 < 5000 counter drop")
                .contains("hook postrouting");
        assertThat(nft.get(1).stdin()).contains("oifname \"lk-meh-src\" numgen random mod 100000 < 5000 counter drop");
    }

    @Test
    void noLossRemovesTheDropTableAndUnlimitedRemovesHtb() {
        FakeRunner runner = new FakeRunner().answer(NS + "meh-src -- tc qdisc add dev lo", 2, "", "unknown").answer(NS, "");
        new LinkShaper(runner, new TestbedLayout(2)).apply(LinkProfile.unshaped());
        assertThat(runner.ran()).noneMatch(c -> c.contains(" htb "));
        assertThat(ranNft(runner)).allSatisfy(c -> assertThat(c.stdin()).doesNotContain("drop").contains("delete table inet mecmig_link"));
    }

    @Test
    void usesNetemBelowHtbWhereTheKernelHasIt() {
        FakeRunner runner = new FakeRunner().answer(NS, "");
        LinkShaper shaper = new LinkShaper(runner, new TestbedLayout(2));
        shaper.apply(LinkProfile.of("1gbit", 0.1));
        assertThat(shaper.lossMethod()).isEqualTo(LossMethod.NETEM);
        assertThat(runner.ran()).contains(NS + "meh-src -- tc qdisc add dev lk-meh-dst parent 1:10 handle 10: netem loss 0.100%");
        assertThat(ranNft(runner)).isEmpty();
    }

    @Test
    void readsBackWhatIsApplied() {
        FakeRunner runner = new FakeRunner()
                .answer(NS + "meh-src -- tc class show", "class htb 1:10 root prio 0 rate 100Mbit ceil 100Mbit burst 16000b cburst 16000b\n")
                .answer(NS + "meh-dst -- tc class show", "")
                .answer(NS + "meh-src -- tc qdisc show", "qdisc htb 1: root refcnt 2 r2q 10 default 0x10\n")
                .answer(NS + "meh-dst -- tc qdisc show", "qdisc noqueue 0: root refcnt 2\n")
                .answer(NS + "meh-src -- nft list table inet mecmig_link", """
                        table inet mecmig_link {
                        	chain egress {
                        		type filter hook postrouting priority filter; policy accept;
                        		oifname "lk-meh-dst" numgen random mod 100000 < 5000 counter packets 3 bytes 252 drop
                        	}
                        }
                        """)
                .answer(NS + "meh-dst -- nft list table", 1, "", "No such file or directory");
        List<LinkShaper.EndState> state = new LinkShaper(runner, new TestbedLayout(2)).state();
        assertThat(state).containsExactly(
                new LinkShaper.EndState("meh-src", "lk-meh-dst", "100Mbit", 5.0),
                new LinkShaper.EndState("meh-dst", "lk-meh-src", "unlimited", 0.0));
    }

    private static List<Command> ranNft(FakeRunner runner) {
        return runner.commands().stream().filter(c -> c.argv().contains("nft") && c.argv().contains("-f")).toList();
    }

    @Test
    void lossIsWrittenInThousandthsOfAPercent() {
        assertThat(LinkShaper.lossPer100k(LinkProfile.of("100mbit", 5))).isEqualTo(5_000);
        assertThat(LinkShaper.lossPer100k(LinkProfile.of("100mbit", 0.1))).isEqualTo(100);
    }
}
