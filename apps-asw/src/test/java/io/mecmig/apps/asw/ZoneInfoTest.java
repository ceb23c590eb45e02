package io.mecmig.apps.asw;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneInfoTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheCountAndTheIdsFromTheLocationApiShapes() throws Exception {
        ZoneInfo info = ZoneInfo.of("zone01",
                JSON.readTree("{\"zoneInfo\":{\"zoneId\":\"zone01\",\"numberOfAccessPoints\":3,\"numberOfUnserviceableAccessPoints\":0}}"),
                JSON.readTree("{\"accessPointList\":{\"zoneId\":\"zone01\",\"accessPoint\":[{\"accessPointId\":\"4g-macro-cell-1\"},"
                        + "{\"accessPointId\":\"5g-small-cell-1\"},{\"accessPointId\":\"wifi-ap-1\"}]}}"));
        assertThat(info).isEqualTo(new ZoneInfo("zone01", 3, List.of("4g-macro-cell-1", "5g-small-cell-1", "wifi-ap-1")));
    }
}
