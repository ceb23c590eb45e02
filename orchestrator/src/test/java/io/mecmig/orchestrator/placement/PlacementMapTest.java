package io.mecmig.orchestrator.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mecmig.orchestrator.radio.ScenarioFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlacementMapTest {

    private static final List<String> HOSTS = List.of("meh-1", "meh-2", "meh-3");

    @Test
    void zonePlacementSpreadsZonesRoundRobinAndIgnoresThePoa() {
        PlacementMap map = PlacementMap.roundRobin(PlacementMode.ZONE, ScenarioFile.monaco().radioMap().zones(), HOSTS);

        assertThat(map.hostFor("5g-small-cell-1", "zone01")).contains("meh-1");
        assertThat(map.hostFor("wifi-ap-3", "zone02")).contains("meh-2");
        assertThat(map.hostFor("4g-macro-cell-6", "zone03")).contains("meh-3");
        assertThat(map.hostFor("4g-macro-cell-8", "zone04")).contains("meh-1");
        assertThat(map.hostFor(null, null)).isEmpty();
        assertThat(map.keysOf("meh-1")).containsExactly("zone01", "zone04");
    }

    @Test
    void poaPlacementMapsEachPoaAndNotTheZone() {
        PlacementMap map = PlacementMap.roundRobin(PlacementMode.POA,
                List.of("5g-small-cell-1", "5g-small-cell-2", "5g-small-cell-3", "5g-small-cell-4"), HOSTS);

        assertThat(map.hostFor("5g-small-cell-2", "zone01")).contains("meh-2");
        assertThat(map.hostFor("5g-small-cell-4", "zone02")).contains("meh-1");
        assertThat(map.hostFor("4g-macro-cell-1", "zone01")).as("a PoA without a MEC host").isEmpty();
    }

    @Test
    void readsAndWritesTheConfigurableMap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("placement.json");
        Files.writeString(file, "{\"mode\": \"zone\", \"hosts\": {\"zone01\": \"meh-2\", \"zone02\": \"meh-1\"}}");

        PlacementMap map = PlacementMap.read(file);

        assertThat(map.mode()).isEqualTo(PlacementMode.ZONE);
        assertThat(map.hostFor("x", "zone01")).contains("meh-2");
        assertThat(map.hostFor("x", "zone03")).isEmpty();
        Files.writeString(file, map.toJson());
        assertThat(PlacementMap.read(file).hostFor("y", "zone02")).contains("meh-1");
    }

    @Test
    void badInputNamesTheProblemAndTheFix(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"zone01\": \"meh-1\"}");
        assertThatThrownBy(() -> PlacementMap.read(file)).hasMessageContaining("must look like");
        assertThatThrownBy(() -> PlacementMode.parse("cell")).hasMessageContaining("use poa or zone");
        assertThatThrownBy(() -> PlacementMap.roundRobin(PlacementMode.ZONE, List.of("zone01"), List.of()))
                .hasMessageContaining("at least one host");
    }
}
