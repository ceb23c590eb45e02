package io.mecmig.sandbox.report;

/** Where MEC hosts sit, which decides when a moving UE's serving host changes (the paper's Table V). */
public enum HostPlacement {
    /** One host at each point of access: the host changes with every PoA handover. */
    POA,
    /** One host per zone: the host changes when the UE's zone changes. */
    ZONE
}
