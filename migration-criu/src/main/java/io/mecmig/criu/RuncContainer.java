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
 * moby -id ID -address EXEC_ROOT/containerd/containerd.sock}, and the shim's {@code options.json} in its
 * bundle names runc's state root ({@code EXEC_ROOT/runtime-runc}; runc's root is that plus {@code /moby}).
 * Reading it from the shim works for the host's default daemon and for daemons with their own
 * {@code --exec-root} alike. Docker keeps owning the container: its lifecycle stays Docker's.
 *
 * @param host the host it runs on
 * @param id the full container id
 * @param runcRoot runc's {@code --root} for this daemon's containers
 */
public record RuncContainer(DockerHost host, String id, String runcRoot) {

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
        String script = "shim=$(ps -o ppid= -p " + pid + " | tr -d ' ') && "
                + "addr=$(tr '\\0' '\\n' < /proc/$shim/cmdline | sed -n '/^-address$/{n;p}') && "
                + "cat \"$(dirname \"$(dirname \"$addr\")\")/containerd/daemon/io.containerd.runtime.v2.task/moby/"
                + id + "/options.json\"";
        String options = host.exec(RemoteCommand.of("sh", "-c", script), Duration.ofSeconds(10)).stdout();
        return new RuncContainer(host, id, runcRootFrom(options, host.name()));
    }

    /** runc's root for the moby namespace, from the shim's {@code options.json}. */
    static String runcRootFrom(String optionsJson, String hostName) {
        try {
            JsonNode root = JSON.readTree(optionsJson).path("root");
            if (root.isMissingNode() || root.asText().isBlank()) {
                throw new CheckpointException("the containerd shim on " + hostName + " names no runc root in its"
                        + " options.json (" + optionsJson.strip() + "): is dockerd using runc?");
            }
            return root.asText() + "/moby";
        } catch (IOException e) {
            throw new CheckpointException("unreadable shim options.json on " + hostName + ": " + optionsJson.strip(), e);
        }
    }

    /**
     * {@code runc checkpoint} into {@code imagesDir} (best on tmpfs); CRIU's log and statistics go to
     * {@code workDir}. With {@code leaveRunning} the container goes on after the dump; without, it is killed
     * once dumped and Docker sees it exit.
     *
     * @return CRIU's own figures of the dump, read from {@code workDir/stats-dump}
     */
    public DumpStats dump(String imagesDir, String workDir, boolean leaveRunning) {
        List<String> argv = new ArrayList<>(List.of("runc", "--root", runcRoot, "checkpoint"));
        if (leaveRunning) {
            argv.add("--leave-running");
        }
        argv.addAll(List.of("--image-path", imagesDir, "--work-path", workDir, id));
        RemoteCommand prepare = RemoteCommand.of("rm", "-rf", imagesDir, workDir)
                .then(RemoteCommand.of("mkdir", "-p", imagesDir, workDir));
        try {
            host.exec(prepare.then(RemoteCommand.of(argv)), DUMP_TIMEOUT);
        } catch (RuntimeException e) {
            throw new CheckpointException("runc checkpoint of " + id.substring(0, 12) + " on " + host.name()
                    + " failed: " + e.getMessage() + " (CRIU's log: " + workDir + "/dump.log there)", e);
        }
        return DumpStats.read(host, workDir + "/stats-dump");
    }
}
