package io.mecmig.cli.faults;

import java.util.Arrays;
import java.util.List;

/** The faults of the fault table, each injected into a real migration on the testbed. */
public enum FaultCase {

    /** The link dropped from the first transfer of pre-relocation on, until the migration ends. */
    LINK_CUT_PRE("link-cut-pre", "link cut in pre-relocation"),
    /** The link dropped from the first transfer of relocation on (the app is already stopped). */
    LINK_CUT_RELOCATION("link-cut-relocation", "link cut in relocation"),
    /** 20 % of the link's packets dropped at random for the whole migration. */
    LOSS_SPIKE("loss-20", "loss spike to 20 %"),
    /** The target's dockerd killed (SIGKILL) when relocation reaches the target. */
    TARGET_DOCKERD_KILLED("target-dockerd-killed", "target dockerd killed"),
    /** The target's work and dump folders on a full 16 MiB loop-mounted filesystem. */
    TARGET_DISK_FULL("target-disk-full", "target disk full"),
    /**
     * The largest file the target received in relocation (volume archive or checkpoint) corrupted before use; for a
     * page-delta relocation, the target's copy of the pre-relocation dump its checkpoint is rebuilt from.
     */
    CORRUPT_TRANSFER("corrupt-transfer", "corrupted tarball/checkpoint"),
    /** The source container's process killed (SIGKILL) while the stopping step (checkpoint or stop) runs. */
    SOURCE_CRASH("source-crash", "source container crashes mid-checkpoint"),
    /** The migrating process killed (SIGKILL) mid-relocation, then {@code mecmig recover}. */
    ORCHESTRATOR_KILLED("orchestrator-killed", "orchestrator killed mid-relocation, then recover");

    private final String key;
    private final String label;

    FaultCase(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The short name used on the command line. */
    public String key() {
        return key;
    }

    /** What the fault does, for the table. */
    public String label() {
        return label;
    }

    /** Every key, for help and error messages. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(FaultCase::key).toList();
    }

    /**
     * The fault of that key.
     *
     * @throws IllegalArgumentException listing the valid keys
     */
    public static FaultCase of(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown fault '" + key + "': use one of " + String.join(", ", keys())));
    }
}
