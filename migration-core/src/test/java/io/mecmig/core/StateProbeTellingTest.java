package io.mecmig.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link StateProbe#telling}: whether a state check made now could fail. */
class StateProbeTellingTest {

    private static final ServiceAddress APP = new ServiceAddress("127.0.0.1", 8080);

    /** USPA's rule over a state the test chooses, instead of one read over HTTP. */
    private static StateProbe uspaAnswering(Optional<String> json) {
        JsonStateProbe rules = StateProbe.http("/state").nonDecreasing("counter").build();
        return new StateProbe() {
            @Override
            public Optional<AppState> read(ServiceAddress address) {
                return json.map(AppState::new);
            }

            @Override
            public StateVerdict compare(AppState before, AppState after) {
                return rules.compare(before, after);
            }

            @Override
            public Optional<String> untelling(AppState before) {
                return rules.untelling(before);
            }
        };
    }

    @Test
    void aCounterAboveZeroTells() {
        assertThat(uspaAnswering(Optional.of("{\"counter\":2}")).telling(APP)).isTrue();
    }

    @Test
    void aCounterAtZeroOrNoAnswerDoesNot() {
        assertThat(uspaAnswering(Optional.of("{\"counter\":0}")).telling(APP)).isFalse();
        assertThat(uspaAnswering(Optional.empty()).telling(APP)).isFalse();
    }

    @Test
    void anAppWithoutStateAlwaysTells() {
        assertThat(StateProbe.none().telling(APP)).isTrue();
    }
}
