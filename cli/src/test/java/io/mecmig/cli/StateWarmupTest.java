package io.mecmig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.core.AppState;
import org.junit.jupiter.api.Test;

class StateWarmupTest {

    private static boolean worthChecking(String json) {
        return StateWarmup.hasValue(new AppState(json).tree());
    }

    @Test
    void anAppThatHasNotReadTheMecApisYetHasNothingToCheck() {
        assertThat(worthChecking("{\"counter\":0,\"zone\":null}")).isFalse();
        assertThat(worthChecking("{\"visitedZones\":{}}")).isFalse();
        assertThat(worthChecking("{\"zone\":\"\"}")).isFalse();
    }

    @Test
    void aZoneOrAVisitedZoneIsStateWorthChecking() {
        assertThat(worthChecking("{\"counter\":0,\"zone\":\"zone01\"}")).isTrue();
        assertThat(worthChecking("{\"visitedZones\":{\"zone02\":{\"poa\":3}}}")).isTrue();
        assertThat(worthChecking("{\"counter\":2}")).isTrue();
    }
}
