package io.mecmig.apps.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    enum Phase { MIGRATION }

    @Test
    void flatMapIsWrittenAsJacksonWouldWriteIt() throws Exception {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("app", "uspa \"quoted\"\\ line\nnext\u0001");
        facts.put("mecReachable", true);
        facts.put("polls", 12L);
        facts.put("port", 8080);
        facts.put("phase", Phase.MIGRATION);
        facts.put("error", null);

        String written = Json.flat(facts);

        assertThat(written).isEqualTo(Json.mapper().writeValueAsString(facts));
        assertThat(Json.mapper().readTree(written).get("app").asText()).isEqualTo("uspa \"quoted\"\\ line\nnext\u0001");
    }

    @Test
    void nestedValuesFallBackToJackson() throws Exception {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("counter", 3);
        state.put("zones", List.of("zone01", "zone02"));
        state.put("ratio", 0.5);

        assertThat(Json.flat(state)).isEqualTo("{\"counter\":3,\"zones\":[\"zone01\",\"zone02\"],\"ratio\":0.5}");
    }
}
