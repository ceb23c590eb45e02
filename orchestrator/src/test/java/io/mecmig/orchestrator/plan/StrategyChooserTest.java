package io.mecmig.orchestrator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.core.StateNeeds;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyChooserTest {

    private static final StrategyOption SFP = new StrategyOption("sfp", StateNeeds.NONE);
    private static final StrategyOption FCCP = new StrategyOption("fccp", StateNeeds.USER_STATE);
    private static final StrategyOption FULLSP = new StrategyOption("fullsp", StateNeeds.FULL_STATE);
    private static final List<StrategyOption> ALL = List.of(SFP, FCCP, FULLSP);

    private static TimeWindow window(double leadSeconds, double dwellSeconds) {
        return new TimeWindow(Duration.ofMillis((long) (leadSeconds * 1000)), Duration.ofMillis((long) (dwellSeconds * 1000)), false);
    }

    private static StrategyChooser chooser(long bitsPerSecond) {
        return new StrategyChooser(ALL, new CostModel(bitsPerSecond));
    }

    @Test
    void eachAppGetsTheFastestStrategyThatKeepsWhatItNeeds() {
        StrategyChooser chooser = chooser(1_000_000_000L);
        TimeWindow plenty = window(30, 60);

        assertThat(chooser.choose(AppProfile.typical("ba", StateNeeds.NONE), plenty).strategy()).contains(SFP);
        assertThat(chooser.choose(AppProfile.typical("uspa", StateNeeds.USER_STATE), plenty).strategy()).contains(FCCP);
        assertThat(chooser.choose(AppProfile.typical("asw", StateNeeds.FULL_STATE), plenty).strategy()).contains(FULLSP);
    }

    @Test
    void theReasonNamesTheNeedsTheCandidatesAndTheTiming() {
        StrategyChoice c = chooser(1_000_000_000L).choose(AppProfile.typical("uspa", StateNeeds.USER_STATE), window(30, 60));

        assertThat(c.verdict()).isEqualTo(StrategyChoice.Verdict.ON_TIME);
        assertThat(c.reason()).contains("uspa needs its user state", "fccp, fullsp keep it", "sfp would not",
                "fccp has the lowest expected downtime", "fits in the 30.0 s before the handover");
    }

    @Test
    void aLatePreRelocationIsFineIfTheMoveEndsBeforeTheUeLeaves() {
        // 100 Mbit/s: a 110 MB image takes about 8.8 s + 2 s, more than the 5 s lead, but the UE stays 60 s.
        StrategyChoice c = chooser(100_000_000L).choose(AppProfile.typical("uspa", StateNeeds.USER_STATE), window(5, 60));

        assertThat(c.verdict()).isEqualTo(StrategyChoice.Verdict.LATE);
        assertThat(c.strategy()).contains(FCCP);
        assertThat(c.reason()).contains("ends after the handover");
    }

    @Test
    void tooShortAStayIsAMissAndStateIsNeverTradedForSpeed() {
        // ASW needs full state; only FullSP keeps it and it cannot finish in a 1.8 s stay (Table V's worst zone case).
        StrategyChoice c = chooser(1_000_000_000L).choose(AppProfile.typical("asw", StateNeeds.FULL_STATE), window(0, 1.8));

        assertThat(c.verdict()).isEqualTo(StrategyChoice.Verdict.MISSED);
        assertThat(c.strategy()).isEmpty();
        assertThat(c.reason()).contains("fullsp", "only 1.8 s", "not enough time");
    }

    @Test
    void whenAFasterStrategyDoesNotFitASlowerOneThatFitsIsNotChosenOverIt() {
        // Only the lead decides between on-time candidates: with 3 s lead, FCCP (2.9 s modelled) is on time, FullSP late.
        StrategyChoice c = chooser(1_000_000_000L).choose(AppProfile.typical("uspa", StateNeeds.USER_STATE), window(3.0, 60));
        assertThat(c.strategy()).contains(FCCP);
        assertThat(c.verdict()).isEqualTo(StrategyChoice.Verdict.ON_TIME);
    }

    @Test
    void measuredRunsReplaceTheModel() {
        StrategyChooser chooser = chooser(1_000_000_000L);
        AppProfile uspa = AppProfile.typical("uspa", StateNeeds.USER_STATE);
        chooser.costs().learn("fccp", Duration.ofSeconds(20), Duration.ofSeconds(5));
        chooser.costs().learn("fullsp", Duration.ofSeconds(6), Duration.ofSeconds(3));

        StrategyChoice c = chooser.choose(uspa, window(10, 60));

        assertThat(c.strategy()).as("fccp measured slower than fullsp here").contains(FULLSP);
        assertThat(c.reason()).contains("measured, 1 earlier run(s)");
    }

    @Test
    void noStrategyKeepingTheStateIsAClearMiss() {
        StrategyChooser chooser = new StrategyChooser(List.of(SFP, FCCP), new CostModel(0));

        StrategyChoice c = chooser.choose(AppProfile.typical("asw", StateNeeds.FULL_STATE), window(30, 60));

        assertThat(c.verdict()).isEqualTo(StrategyChoice.Verdict.MISSED);
        assertThat(c.reason()).contains("no available strategy keeps it", "migration-criu");
    }

    @Test
    void theTimeBudgetScalesWithSizeOverLinkRate() {
        AppProfile uspa = AppProfile.typical("uspa", StateNeeds.USER_STATE);
        CostEstimate fast = new CostModel(1_000_000_000L).estimate(FCCP, uspa);
        CostEstimate slow = new CostModel(100_000_000L).estimate(FCCP, uspa);

        // 110 MB: 0.88 s at 1 Gbit/s, 8.8 s at 100 Mbit/s, on top of the same fixed Docker work.
        assertThat(slow.preRelocation().minus(fast.preRelocation()).toMillis()).isBetween(7_900L, 8_000L);
        assertThat(fast.basis()).contains("1 Gbit/s");
    }
}
