package io.mecmig.apps.ba;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RabInfoTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void takesTheFirstCellAndUeWithAnErab() throws Exception {
        String body = "{\"appInstanceId\":\"a\",\"requestId\":\"r\",\"cellUserInfo\":["
                + "{\"ecgi\":{\"cellId\":\"1\",\"plmn\":{\"mcc\":\"001\",\"mnc\":\"001\"}},\"ueInfo\":[]},"
                + "{\"ecgi\":{\"cellId\":\"4000001\",\"plmn\":{\"mcc\":\"001\",\"mnc\":\"001\"}},\"ueInfo\":["
                + "{\"associateId\":[{\"type\":1,\"value\":\"10.100.0.1\"}],\"erabInfo\":[{\"erabId\":7,\"erabQosParameters\":{\"qci\":80}}]}]}]}";
        assertThat(RabInfo.firstOf(JSON.readTree(body)))
                .contains(new RabInfo("4000001", "001", "001", "10.100.0.1", 7, 80));
    }

    @Test
    void nothingWhenNoCellCarriesAnErab() throws Exception {
        assertThat(RabInfo.firstOf(JSON.readTree("{\"cellUserInfo\":[]}"))).isEmpty();
        assertThat(RabInfo.firstOf(JSON.readTree("{}"))).isEmpty();
    }
}
