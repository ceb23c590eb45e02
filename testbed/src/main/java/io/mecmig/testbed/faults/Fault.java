package io.mecmig.testbed.faults;

/** An injected fault; {@link #close()} undoes it (restores the link, unmounts the disk...). Idempotent. */
public interface Fault extends AutoCloseable {

    /** What was done, for reports and the fault table, for example {@code link meh-src/veth-x cut}. */
    String describe();

    @Override
    void close();
}
