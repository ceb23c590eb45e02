package io.mecmig.apps.uspa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    @TempDir
    Path volume;

    @Test
    void savesAndRestoresCounterAndZone() throws Exception {
        StateFile file = new StateFile(volume);
        assertThat(file.load()).isEmpty();
        file.save(new ZoneCount(3, "zone02"));
        assertThat(Files.readString(volume.resolve("state.json"))).contains("\"counter\":3").contains("\"zone\":\"zone02\"");
        assertThat(new StateFile(volume).load()).contains(new ZoneCount(3, "zone02"));
    }

    @Test
    void anUnreadableFileIsKeptAsideNotLost() throws Exception {
        Files.writeString(volume.resolve("state.json"), "{\"counter\":");
        assertThat(new StateFile(volume).load()).isEmpty();
        assertThat(volume.resolve("state.json.unreadable")).hasContent("{\"counter\":");
    }

    @Test
    void readsWhatAnOlderOrNewerVersionWrote() throws Exception {
        Files.writeString(volume.resolve("state.json"), "{ \"zone\": null, \"extra\": {\"a\": [1, 2]}, \"counter\": 12 }");
        assertThat(new StateFile(volume).load()).contains(new ZoneCount(12, null));
        new StateFile(volume).save(new ZoneCount(2, "zone\"7"));
        assertThat(new StateFile(volume).load()).contains(new ZoneCount(2, "zone\"7"));
    }

    @Test
    void aFileWithoutAWholeCounterIsKeptAside() throws Exception {
        for (String bad : new String[] {"{\"zone\":\"zone01\"}", "{\"counter\":\"3\"}", "[1]", "{\"counter\":1.5}"}) {
            Files.writeString(volume.resolve("state.json"), bad);
            assertThat(new StateFile(volume).load()).as(bad).isEmpty();
            assertThat(volume.resolve("state.json.unreadable")).hasContent(bad);
        }
    }
}
