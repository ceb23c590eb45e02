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
}
