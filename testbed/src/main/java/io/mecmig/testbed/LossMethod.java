package io.mecmig.testbed;

/** How packet loss is made: netem where the kernel has it, else a random-drop rule in nftables. */
public enum LossMethod {
    /** {@code tc qdisc ... netem loss P%} below the HTB class. */
    NETEM,
    /** {@code numgen random mod 100000 < N drop} in the table {@code inet mecmig_link} of each host. */
    NFTABLES
}
