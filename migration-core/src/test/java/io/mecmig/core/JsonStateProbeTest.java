package io.mecmig.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonStateProbeTest {

    private final JsonStateProbe probe = StateProbe.http("/state")
            .nonDecreasing("counter").containsAll("zones").unchanged("startedAt").build();

    @Test
    void keptWhenCounterContinuesAndEveryZoneIsThere() {
        StateVerdict v = probe.compare(
                new AppState("{\"counter\":4,\"zones\":{\"zone01\":3},\"startedAt\":1}"),
                new AppState("{\"counter\":5,\"zones\":{\"zone01\":3,\"zone02\":4},\"startedAt\":1}"));
        assertThat(v.preserved()).isTrue();
        assertThat(v.detail()).contains("counter 4 -> 5", "all 1 zones entries present");
    }

    @Test
    void lostWhenTheAppStartedFromScratch() {
        StateVerdict v = probe.compare(
                new AppState("{\"counter\":4,\"zones\":{\"zone01\":3},\"startedAt\":1}"),
                new AppState("{\"counter\":0,\"zones\":{},\"startedAt\":2}"));
        assertThat(v.preserved()).isFalse();
        assertThat(v.detail()).contains("counter went back from 4 to 0", "1 of 1 zones entries lost", "startedAt changed");
    }

    @Test
    void missingCounterIsLoss() {
        assertThat(probe.compare(new AppState("{\"counter\":1,\"startedAt\":1}"), new AppState("{\"startedAt\":1}"))
                .preserved()).isFalse();
    }

    @Test
    void aCheckThatCouldNotFailSaysWhy() {
        JsonStateProbe uspa = StateProbe.http("/state").nonDecreasing("counter").build();
        JsonStateProbe asw = StateProbe.http("/state").containsAll("visitedZones").build();
        assertThat(uspa.untelling(new AppState("{\"counter\":0,\"zone\":\"zone01\"}")))
                .contains("counter was 0, so a reset would not show");
        assertThat(uspa.untelling(new AppState("{\"counter\":3}"))).isEmpty();
        assertThat(asw.untelling(new AppState("{\"visitedZones\":{}}"))).contains("visitedZones was empty, so a loss would not show");
        assertThat(asw.untelling(new AppState("{\"visitedZones\":{\"zone01\":2}}"))).isEmpty();
        assertThat(StateProbe.none().untelling(new AppState("{}"))).isEmpty();
    }
}
