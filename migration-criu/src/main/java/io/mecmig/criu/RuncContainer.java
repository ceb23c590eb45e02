package io.mecmig.criu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.mecmig.docker.DockerHost;
import io.mecmig.docker.ssh.RemoteCommand;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.ArrayList;

/**
 * A running Docker container as runc sees it on its host, so that CRIU can be driven without Docker's
 * checkpoint API (which wraps the same dump in about a second of tar and content-store copies).
 *
 * <p>dockerd 20.10 starts its own containerd; each container gets a {@code containerd-shim-runc-v2 -namespace
 * NS -id ID -address EXEC_ROOT/containerd/containerd.sock} (NS is {@code moby} unless the daemon runs with
 * {@code --containerd-namespace}), and the shim's {@code options.json} in its bundle names runc's state root
 * ({@code EXEC_ROOT/runtime-runc}; runc's root is that plus {@code /NS}).
 * Reading it from the shim works for the host's default daemon and for daemons with their own
 * {@code --exec-root} alike. Docker keeps owning the container: its lifecycle stays Docker's.
 *
 * @param host the host it runs on
 * @param id the full container id
 * @param runcRoot runc's {@code --root} for this daemon's containers
 * @param pid the container's main process on its host, as Docker saw it when located
 */
public record RuncContainer(DockerHost host, String id, String runcRoot, long pid) {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration DUMP_TIMEOUT = Duration.ofSeconds(60);

    /** Finds {@code container} (running) on {@code host} and the runc root its daemon uses. */
    public static RuncContainer locate(DockerHost host, String container) {
        InspectContainerResponse inspect = host.inspect(container, false);
        Long pid = inspect.getState().getPidLong();
        if (pid == null || pid <= 0 || !Boolean.TRUE.equals(inspect.getState().getRunning())) {
            throw new CheckpointException("container '" + container + "' is not running on " + host.name()
                    + ": CRIU can only dump a running container");
        }
        String id = inspect.getId();
        // The shim's command line names its containerd namespace ("moby", or the daemon's
        // --containerd-namespace) and its socket, which lies in the daemon's exec root.
        String script = "shim=$(ps -o ppid= -p " + pid + " | tr -d ' ') && "
                + "ns=$(tr '\\0' '\\n' < /proc/$shim/cmdline | sed -n '/^-namespace$/{n;p}') && "
                + "addr=$(tr '\\0' '\\n' < /proc/$shim/cmdline | sed -n '/^-address$/{n;p}') && "
                + "echo \"$ns\" && cat \"$(dirname \"$(dirname \"$addr\")\")/containerd/daemon/io.containerd.runtime.v2.task/$ns/"
                + id + "/options.json\"";
        String out = host.exec(RemoteCommand.of("sh", "-c", script), Duration.ofSeconds(10)).stdout().strip();
        int newline = out.indexOf('\n');
        if (newline < 0) {
            throw new CheckpointException("cannot find runc's state of " + container + " on " + host.name() + ": " + out);
        }
        String namespace = out.substring(0, newline).strip();
        String options = out.substring(newline + 1);
        return new RuncContainer(host, id, runcRootFrom(options, namespace, host.name()), pid);
    }

    /** runc's root for the containers of containerd namespace {@code namespace}, from the shim's {@code options.json}. */
    static String runcRootFrom(String optionsJson, String namespace, String hostName) {
        try {
            JsonNode root = JSON.readTree(optionsJson).path("root");
            if (root.isMissingNode() || root.asText().isBlank()) {
                throw new CheckpointException("the containerd shim on " + hostName + " names no runc root in its"
                        + " options.json (" + optionsJson.strip() + "): is dockerd using runc?");
            }
            return root.asText() + "/" + namespace;
        } catch (IOException e) {
            throw new CheckpointException("unreadable shim options.json on " + hostName + ": " + optionsJson.strip(), e);
        }
    }

    /**
     * {@code runc checkpoint} into {@code imagesDir}; CRIU's log and statistics go to {@code workDir}. With
     * {@code leaveRunning} the container goes on after the dump; without, it is killed once dumped and Docker
     * sees it exit. One command on the host does the dump and reads back its figures, since every round trip
     * made while the app is stopped is downtime.
     */
    public Dump dump(String imagesDir, String workDir, boolean leaveRunning) {
        RemoteCommand line = prepare(imagesDir, workDir)
                .then(checkpoint(imagesDir, workDir, leaveRunning))
                .then(RemoteCommand.of("base64", "-w0", workDir + "/stats-dump"))
                .then(RemoteCommand.of("echo"))
                .then(RemoteCommand.of("du", "-sb", imagesDir));
        String out;
        try {
            out = host.exec(line, DUMP_TIMEOUT).stdout();
        } catch (RuntimeException e) {
            throw new CheckpointException("runc checkpoint of " + id.substring(0, 12) + " on " + host.name()
                    + " failed: " + e.getMessage() + " (CRIU's log: " + workDir + "/dump.log there)", e);
        }
        String[] lines = out.strip().split("\\R");
        DumpStats stats = DumpStats.parse(java.util.Base64.getDecoder().decode(lines[0].strip()));
        long size = Long.parseLong(lines[lines.length - 1].strip().split("\\s+")[0]);
        return new Dump(stats, size);
    }

    /** Empties (or creates) the dump's folders, 0700: a dump holds the app's whole memory. */
    static RemoteCommand prepare(String imagesDir, String workDir) {
        return RemoteCommand.of("rm", "-rf", imagesDir, workDir).then(RemoteCommand.privateFolders(imagesDir, workDir));
    }

    /** The bare {@code runc checkpoint} of this container into {@code imagesDir}, whose folders must exist. */
    RemoteCommand checkpoint(String imagesDir, String workDir, boolean leaveRunning) {
        List<String> argv = new ArrayList<>(List.of("runc", "--root", runcRoot, "checkpoint"));
        if (leaveRunning) {
            argv.add("--leave-running");
        }
        argv.addAll(List.of("--image-path", imagesDir, "--work-path", workDir, id));
        return RemoteCommand.of(argv);
    }

    /** A dump's CRIU figures and its images' size in bytes. */
    public record Dump(DumpStats stats, long sizeBytes) {
    }
}
