package io.mecmig.sandbox;

import io.mecmig.sandbox.mobility.MobilityEvent;
import io.mecmig.sandbox.mobility.MobilitySnapshot;
import java.util.List;

/** Told after every tick, on the tick thread: keep it quick and hand slow work to another thread. */
@FunctionalInterface
public interface MobilityListener {
    /**
     * @param snapshot every active UE after the tick
     * @param events   the UEs whose point of access changed in this tick (often empty)
     */
    void onTick(MobilitySnapshot snapshot, List<MobilityEvent> events);
}
