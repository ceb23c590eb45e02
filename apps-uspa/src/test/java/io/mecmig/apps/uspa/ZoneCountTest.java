package io.mecmig.apps.uspa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZoneCountTest {

    @Test
    void countsChangesNotTheFirstSightingNorStayingPut() {
        ZoneCount state = ZoneCount.INITIAL.observe("zone01").observe("zone01").observe("zone02")
                .observe("zone02").observe("zone01");
        assertThat(state).isEqualTo(new ZoneCount(2, "zone01"));
    }

    @Test
    void aRestoredStateCountsAChangeThatHappenedWhileDown() {
        assertThat(new ZoneCount(5, "zone03").observe("zone04")).isEqualTo(new ZoneCount(6, "zone04"));
        assertThat(new ZoneCount(5, "zone03").observe("zone03")).isEqualTo(new ZoneCount(5, "zone03"));
    }
}
