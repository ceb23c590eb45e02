package io.mecmig.testbed;

import io.mecmig.testbed.exec.CommandRunner;
import io.mecmig.testbed.faults.Fault;
import io.mecmig.testbed.faults.Faults;
import io.mecmig.testbed.faults.SmallDisk;

/**
 * The {@link Faults} of one testbed, addressed by host names: what a fault test needs without knowing
 * interface names or pid files. Undo each fault by closing it; a killed dockerd comes back with
 * {@link Testbed#up()}, which is idempotent.
 */
public final class TestbedFaults {

    private final TestbedConfig config;
    private final TestbedLayout layout;
    private final Faults faults;

    /** Faults of the testbed described by {@code config}, run through {@code runner} (root needed). */
    public TestbedFaults(TestbedConfig config, CommandRunner runner) {
        this.config = config;
        this.layout = new TestbedLayout(config);
        this.faults = new Faults(runner);
    }

    /** The underlying tools, for faults on files and processes. */
    public Faults tools() {
        return faults;
    }

    /** Cuts the migration link between hosts {@code a} and {@code b} (every packet dropped at a's end). */
    public Fault cutLink(String a, String b) {
        TestbedLayout.LinkPlan link = layout.link(a, b);
        return faults.cutLink(link.a(), link.aInterface());
    }

    /** Drops {@code percent} % of the packets each way at a's end of the link between {@code a} and {@code b}. */
    public Fault lossSpike(String a, String b, int percent) {
        TestbedLayout.LinkPlan link = layout.link(a, b);
        return faults.lossSpike(link.a(), link.aInterface(), percent);
    }

    /** Kills host {@code host}'s dockerd with SIGKILL; its containers' shims live on, as after a daemon crash. */
    public Fault killDockerd(String host) {
        layout.host(host);
        return faults.killByPidFile(HostFiles.of(config, host).dockerPidFile(), "dockerd of " + host);
    }

    /** A small filesystem of {@code megabytes} MiB mounted under host {@code host}'s state folder, to fill. */
    public SmallDisk smallDisk(String host, int megabytes) {
        HostFiles files = HostFiles.of(config, host);
        return faults.smallDisk(files.stateDir().resolve("fault-disk.img"), files.stateDir().resolve("fault-disk"),
                megabytes);
    }
}
