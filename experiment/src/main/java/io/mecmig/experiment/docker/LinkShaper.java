package io.mecmig.experiment.docker;

import io.mecmig.core.LinkProfile;

/** Shapes the link between the experiment's two hosts: the testbed's tc/nftables, or a user's own. */
@FunctionalInterface
public interface LinkShaper {

    /** Sets the link's rate and packet loss; returns when the shaping is in place. */
    void shape(LinkProfile link);

    /** Puts the link back as it was before the experiment shaped it (by default: unshaped). */
    default void restore() {
        shape(LinkProfile.unshaped());
    }
}
