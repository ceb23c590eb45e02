package io.mecmig.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The gateway run directly on this host: Debian's {@code apache2} (or {@code httpd}) in the foreground with
 * its own ServerRoot, pid file, port and logs under a temporary directory, so it never touches a system
 * Apache. Used by tests and by anyone without the gateway image.
 *
 * <pre>{@code
 * try (HttpdGateway gw = HttpdGateway.start("http://127.0.0.1:8085", "127.0.0.1", 0)) {
 *     String users = gw.url() + "/sbx/location/v2/queries/users";
 * }
 * }</pre>
 */
public final class HttpdGateway implements AutoCloseable {
    private static final List<String> BINARIES = List.of("/usr/sbin/apache2", "/usr/sbin/httpd", "/usr/local/apache2/bin/httpd");
    private static final List<String> MODULE_DIRS = List.of("/usr/lib/apache2/modules", "/usr/lib64/httpd/modules",
            "/usr/lib/httpd/modules", "/usr/local/apache2/modules");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final Path root;
    private final String host;
    private final int port;
    private final String mecBaseUrl;

    private HttpdGateway(Process process, Path root, String host, int port, String mecBaseUrl) {
        this.process = process;
        this.root = root;
        this.host = host;
        this.port = port;
        this.mecBaseUrl = mecBaseUrl;
    }

    /**
     * Starts httpd reverse-proxying every request under {@code /} to {@code mecBaseUrl}.
     *
     * @param mecBaseUrl  the MEC platform, e.g. {@code http://127.0.0.1:8085}
     * @param bindAddress address to listen on, e.g. {@code 127.0.0.1}
     * @param port        port to listen on, 0 for a free one
     * @return the running gateway, answering on {@link #url()}
     */
    public static HttpdGateway start(String mecBaseUrl, String bindAddress, int port) {
        Path binary = binary();
        Path modules = modulesDir();
        int p = port == 0 ? freePort(bindAddress) : port;
        // Another server on the port would answer our readiness check and serve in our place.
        if (answers(bindAddress, p)) {
            throw new IllegalStateException("port " + p + " on " + bindAddress + " is taken: stop what listens there"
                    + " (ss -ltnp shows it; a gateway left by a killed run goes with HttpdGateway.stopLeftovers)");
        }
        Path root;
        try {
            root = Files.createTempDirectory("mecmig-gateway-");
            Files.createDirectories(root.resolve("run"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the gateway's directory: " + e.getMessage(), e);
        }
        String runAs = isRoot() ? "www-data" : null;
        GatewayConfig config = GatewayConfig.forHost(mecBaseUrl, bindAddress + ":" + p, root, modules, runAs);
        Path conf = root.resolve("httpd.conf");
        try {
            Files.writeString(conf, config.render(), StandardCharsets.UTF_8);
            if (runAs != null) {
                // Workers run as www-data and need to reach the runtime directory.
                root.toFile().setExecutable(true, false);
                root.resolve("run").toFile().setExecutable(true, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + conf + ": " + e.getMessage(), e);
        }
        Process process;
        try {
            process = new ProcessBuilder(binary.toString(), "-d", root.toString(), "-f", conf.toString(), "-DFOREGROUND")
                    .redirectErrorStream(true).redirectOutput(root.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + binary + ": " + e.getMessage(), e);
        }
        HttpdGateway gw = new HttpdGateway(process, root, bindAddress, p, config.mecBaseUrl());
        gw.awaitListening();
        return gw;
    }

    /** {@code http://HOST:PORT}: the gateway's root, which maps to the MEC base URL. */
    public String url() {
        String h = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return "http://" + h + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Where requests go. */
    public String mecBaseUrl() {
        return mecBaseUrl;
    }

    /** The gateway's directory: httpd.conf, logs, pid file. */
    public Path directory() {
        return root;
    }

    /** True while httpd runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops httpd (SIGTERM, then SIGKILL after 10 s) and removes its directory. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(root);
    }

    /**
     * Stops the gateways that runs killed without a chance to close them (SIGKILL skips shutdown hooks) left
     * listening on {@code bindAddress:port}, and removes their directories.
     *
     * @return how many were stopped
     */
    public static int stopLeftovers(String bindAddress, int port) {
        String listen = "Listen " + bindAddress + ":" + port;
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(ph -> ph.parent().map(parent -> !parent.info().command().orElse("").contains("apache2")).orElse(true))
                .filter(ph -> ownConfig(ph).map(conf -> readQuietly(conf).lines().anyMatch(listen::equals)).orElse(false))
                .toList();
        for (ProcessHandle ph : left) {
            Path conf = ownConfig(ph).orElseThrow();
            // Every worker holds the listening socket too: the port is free only once all of them have exited.
            List<ProcessHandle> gateway = Stream.concat(ph.descendants(), Stream.of(ph)).toList();
            gateway.forEach(ProcessHandle::destroyForcibly);
            gateway.forEach(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> p).join());
            deleteTree(conf.getParent());
        }
        return left.size();
    }

    /** The httpd.conf of a gateway process started by this class (its -f argument under a mecmig-gateway- folder). */
    private static java.util.Optional<Path> ownConfig(ProcessHandle ph) {
        String[] args = ph.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-f") && args[i + 1].contains("mecmig-gateway-")) {
                return java.util.Optional.of(Path.of(args[i + 1]));
            }
        }
        return java.util.Optional.empty();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host.equals("0.0.0.0") ? "127.0.0.1" : host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String logs = logs();
                deleteTree(root);
                throw new IllegalStateException("httpd exited with " + process.exitValue() + " at start: " + logs
                        + " (check that port " + port + " is free and that mod_proxy_http is installed)");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host.equals("0.0.0.0") ? "127.0.0.1" : host, port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        String logs = logs();
        close();
        throw new IllegalStateException("httpd did not listen on " + host + ":" + port + " within "
                + START_TIMEOUT.toSeconds() + " s: " + logs);
    }

    private String logs() {
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("stdout.log", "error.log")) {
            try {
                Path p = root.resolve(f);
                if (Files.exists(p)) {
                    sb.append(Files.readString(p).strip()).append(' ');
                }
            } catch (IOException ignored) {
                // best effort: the caller reports what it has
            }
        }
        return sb.length() == 0 ? "(no output)" : sb.toString().strip();
    }

    private static Path binary() {
        Optional<Path> found = BINARIES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        return found.orElseThrow(() -> new IllegalStateException("Apache httpd is not installed: run ./mecmig setup,"
                + " or apt-get install apache2 (looked for " + String.join(", ", BINARIES) + ")"));
    }

    private static Path modulesDir() {
        return MODULE_DIRS.stream().map(Path::of).filter(d -> Files.exists(d.resolve("mod_proxy_http.so"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("mod_proxy_http.so not found in " + MODULE_DIRS
                        + ": install Apache httpd with mod_proxy (Debian: apt-get install apache2)"));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort(String bindAddress) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(bindAddress, 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + bindAddress + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for httpd", e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
