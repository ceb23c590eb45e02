package io.mecmig.criu;

import io.mecmig.core.AppSpec;
import io.mecmig.core.StateNeeds;
import io.mecmig.core.StateProbe;

/**
 * A small JVM app with memcached inside, for trying the checkpoint strategies by hand: its {@code /state}
 * has a counter that goes up every 10 ms and the JVM's start time, which a fresh start would change.
 */
final class ProtoApp {

    private ProtoApp() {
    }

    static AppSpec spec() {
        return AppSpec.builder(System.getProperty("proto.container", "criu-proto")).servicePort(8080)
                .needs(StateNeeds.FULL_STATE)
                .stateProbe(StateProbe.http("/state").unchanged("startedAt").nonDecreasing("counter")).build();
    }
}
