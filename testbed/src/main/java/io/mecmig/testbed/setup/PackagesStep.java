package io.mecmig.testbed.setup;

import java.util.List;

/** Installs the Debian packages that are missing from a list. */
public final class PackagesStep implements SetupStep {

    /** What mecmig and its testbed run on: the engine, the hosts' daemons, link tools, image building. */
    public static final List<String> RUNTIME_PACKAGES = List.of(
            "docker.io", "iptables", "busybox-static", "openssh-server", "openssh-client", "rsync", "memcached", "apache2",
            "nftables", "iproute2", "iputils-ping", "util-linux", "procps", "debootstrap", "socat",
            "netcat-openbsd", "zstd", "xz-utils", "curl", "python3", "openssl");

    private final String title;
    private final Apt apt;
    private final List<String> packages;

    public PackagesStep(String title, Apt apt, List<String> packages) {
        this.title = title;
        this.apt = apt;
        this.packages = List.copyOf(packages);
    }

    @Override
    public String title() {
        return title + " (" + packages.size() + " packages)";
    }

    @Override
    public boolean isDone() {
        return apt.missing(packages).isEmpty();
    }

    @Override
    public String apply() {
        List<String> missing = apt.missing(packages);
        apt.install(missing);
        return "installed " + String.join(" ", missing);
    }

    @Override
    public String verify() {
        List<String> missing = apt.missing(packages);
        if (!missing.isEmpty()) {
            throw new SetupException("still not installed after apt-get: " + String.join(" ", missing)
                    + "; run `apt-get install " + String.join(" ", missing) + "` to see why");
        }
        return "all installed";
    }
}
