package io.mecmig.cli;

import io.mecmig.core.LinkProfile;
import io.mecmig.experiment.docker.LinkShaper;
import io.mecmig.testbed.Testbed;
import io.mecmig.testbed.TestbedStatus;
import java.util.Optional;

/**
 * Shapes the testbed's link for the experiment, and afterwards puts back the rate and loss it found, so
 * that an experiment leaves the testbed as it was.
 */
final class TestbedShaper implements LinkShaper {

    private final Testbed testbed;
    private Optional<LinkProfile> before = Optional.empty();
    private boolean shaped;

    TestbedShaper(Testbed testbed) {
        this.testbed = testbed;
    }

    @Override
    public void shape(LinkProfile link) {
        if (!shaped) {
            before = current();
            shaped = true;
        }
        testbed.shape(link);
    }

    @Override
    public void restore() {
        if (shaped) {
            testbed.shape(before.orElse(LinkProfile.unshaped()));
        }
    }

    private Optional<LinkProfile> current() {
        return testbed.status().link().stream().findFirst()
                .map((TestbedStatus.LinkEnd end) -> LinkProfile.of(end.rate(), end.lossPercent()));
    }
}
