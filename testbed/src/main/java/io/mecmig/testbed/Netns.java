package io.mecmig.testbed;

import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.SafeArgs;
import java.nio.file.Path;
import java.util.List;

/**
 * Running programs inside a named network namespace. Uses {@code nsenter --net}, which only switches
 * the network namespace: {@code ip netns exec} also remounts /sys, which breaks dockerd.
 */
public final class Netns {

    private Netns() {
    }

    /** Where iproute2 keeps the named namespace. */
    public static Path path(String name) {
        return Path.of("/run/netns", SafeArgs.name("namespace", name));
    }

    /** {@code command}, to be run inside namespace {@code name}. */
    public static Command in(String name, Command command) {
        return command.prefixedBy(List.of("nsenter", "--net=" + path(name), "--"));
    }

    /** {@code argv}, to be run inside namespace {@code name}. */
    public static Command in(String name, String... argv) {
        return in(name, Command.of(argv));
    }
}
