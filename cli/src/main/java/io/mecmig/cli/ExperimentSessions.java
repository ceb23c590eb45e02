package io.mecmig.cli;

import io.mecmig.experiment.MachineInfo;
import io.mecmig.experiment.TestbedSession;
import io.mecmig.experiment.UnavailableSession;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens the testbed session the experiment runs on: the two testbed hosts described by the hosts file the
 * testbed writes, the sample apps' catalog, and the link shaper. When a part is missing from this build or
 * this machine, the session says which, and every run is recorded as unavailable with that reason.
 */
final class ExperimentSessions {

    /** Where {@code ./mecmig testbed up} describes its two hosts. */
    static final Path DEFAULT_HOSTS = Path.of("/var/lib/mecmig/testbed/hosts.properties");

    private ExperimentSessions() {
    }

    static TestbedSession open(Path hosts, Duration warmup) {
        String machine = MachineInfo.describe("testbed: network namespaces meh-src/meh-dst on one machine");
        return new UnavailableSession("the testbed backend (Docker hosts, the apps' catalog and link shaping)"
                + " is not in this build yet", machine);
    }
}
