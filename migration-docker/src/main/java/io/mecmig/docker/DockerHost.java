package io.mecmig.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.transport.DockerHttpClient;
import io.mecmig.core.AppSpec;
import io.mecmig.core.Host;
import io.mecmig.core.ServiceAddress;
import io.mecmig.docker.ssh.CommandResult;
import io.mecmig.docker.ssh.RemoteCommand;
import io.mecmig.docker.ssh.SshChannel;
import io.mecmig.docker.ssh.SocketTunnel;
import io.mecmig.docker.ssh.SshTarget;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A MEC host running Docker Engine: the orchestrator drives its dockerd through docker-java over
 * {@link DockerEndpoint}, and runs commands on the host itself (the docker CLI for data-heavy calls, tar,
 * scp, nc) through an {@link SshChannel} to its sshd.
 *
 * <p>Where the data goes decides which of the two a call uses: {@code export}, {@code save}, {@code import}
 * and {@code load} move whole filesystems, so they run as the docker CLI ON the host, writing to or reading
 * from the host's own {@link #workDir()}; through docker-java the bytes would detour through the
 * orchestrator. Calls without bulk data (inspect, commit, create, start, stop, volumes) use docker-java.
 *
 * <p>Addresses: {@link #serviceHost()} is where the orchestrator and the UE reach published ports (the
 * management address); {@link #linkAddress()} is where peers reach this host over the migration link.
 */
public final class DockerHost implements Host {

    /** Bounds for commands that move no bulk data. */
    static final Duration SHORT = Duration.ofSeconds(30);
    /** Bounds for export, save, import, load of images of a few hundred MB. */
    static final Duration LONG = Duration.ofMinutes(5);
    /** Held starts block for as long as their gate; they get threads of their own, never the small common pool. */
    private static final java.util.concurrent.ExecutorService STARTERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "docker-start");
        t.setDaemon(true);
        return t;
    });
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final String name;
    private final DockerEndpoint endpoint;
    private final DockerClient docker;
    private final SshChannel ssh;
    private final String serviceHost;
    private final String linkAddress;
    private final String workDir;
    private final LinkAccess linkAccess;
    private final Map<String, Integer> hostPorts = new ConcurrentHashMap<>();
    /** Stops whose process has exited but whose dockerd clean-up may still run, by container name. */
    private final Map<String, ContainerStop> stopping = new ConcurrentHashMap<>();

    private final SocketTunnel tunnel;

    private DockerHost(Builder b, SshChannel ssh) {
        this.name = b.name;
        this.tunnel = b.endpoint.throughSsh() ? SocketTunnel.toUnixSocket(ssh, b.endpoint.uri().getPath()) : null;
        this.endpoint = tunnel == null ? b.endpoint : b.endpoint.reachedAt(tunnel.uri());
        this.docker = endpoint.client();
        this.ssh = ssh;
        this.serviceHost = b.serviceHost;
        this.linkAddress = b.linkAddress;
        this.workDir = b.workDir;
        this.linkAccess = b.linkAccess;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public String name() {
        return name;
    }

    /** The docker-java client of this host's dockerd. */
    public DockerClient docker() {
        return docker;
    }

    /** This host's Engine API endpoint; {@link DockerEndpoint#httpClient()} gives raw API access. */
    public DockerEndpoint endpoint() {
        return endpoint;
    }

    /** The SSH channel to this host. */
    public SshChannel ssh() {
        return ssh;
    }

    /** The management address, where published ports answer. */
    public String serviceHost() {
        return serviceHost;
    }

    /** The address peers use over the migration link. */
    public String linkAddress() {
        return linkAddress;
    }

    /** A folder on this host for tarballs and checkpoints, private to this host. */
    public String workDir() {
        return workDir;
    }

    /** {@code workDir/name}. */
    public String workFile(String fileName) {
        return workDir + "/" + fileName;
    }

    /** How this host logs in to its peers over the link (for scp, rsync run here). */
    public LinkAccess linkAccess() {
        return linkAccess;
    }

    /** Runs {@code command} on this host; fails with its error output unless it exits with 0. */
    public CommandResult exec(RemoteCommand command, Duration timeout) {
        return ssh.check(command, timeout);
    }

    /** Runs the docker CLI on this host against its own dockerd: {@code docker -H <endpoint> args...}. */
    public CommandResult dockerCli(Duration timeout, String... args) {
        return exec(dockerCommand(args), timeout);
    }

    /** The command line {@code docker -H <endpoint> args...}, to combine with others. */
    public RemoteCommand dockerCommand(String... args) {
        List<String> argv = new ArrayList<>(List.of("docker", "-H", endpoint.cliHost()));
        argv.addAll(List.of(args));
        return RemoteCommand.of(argv);
    }

    /** The size of a file on this host, in bytes. */
    public long fileSize(String path) {
        return Long.parseLong(exec(RemoteCommand.of("stat", "-c", "%s", path), SHORT).stdout().strip());
    }

    /** Removes files in this host's work dir; missing files are fine. */
    public void deleteFiles(String... paths) {
        if (paths.length > 0) {
            List<String> argv = new ArrayList<>(List.of("rm", "-rf", "--"));
            argv.addAll(List.of(paths));
            exec(RemoteCommand.of(argv), SHORT);
        }
    }

    /** Creates the work dir if needed, mode 0700 (an existing one is tightened to 0700). */
    public void ensureWorkDir() {
        exec(RemoteCommand.privateFolders(workDir), SHORT);
    }

    /** The container's inspect record with sizes (SizeRootFs is only filled when asked). */
    public InspectContainerResponse inspect(String container, boolean withSize) {
        return docker.inspectContainerCmd(container).withSize(withSize).exec();
    }

    /**
     * The container's process, state, restart policy and stop signal from one raw inspect call
     * ({@link RunningApp}); docker-java's inspect record lacks the stop signal.
     */
    public RunningApp runningApp(String container) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + java.net.URLEncoder.encode(container, java.nio.charset.StandardCharsets.UTF_8)
                        + "/json").build();
        try (DockerHttpClient http = endpoint.httpClient(); DockerHttpClient.Response response = http.execute(request);
             java.io.InputStream body = response.getBody()) {
            if (response.getStatusCode() != 200) {
                throw new NotFoundException("no container '" + container + "' on " + name + " (HTTP "
                        + response.getStatusCode() + ")");
            }
            return RunningApp.of(JSON.readTree(body));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot inspect container '" + container + "' on " + name, e);
        }
    }

    /** The container's size as {@code docker inspect --size} reports it (SizeRootFs), bytes. */
    public long containerSize(String container) {
        Long size = inspect(container, true).getSizeRootFs();
        return size == null ? 0 : size;
    }

    /** The container's named volumes and where each is mounted. */
    public Map<String, String> volumeMounts(String container) {
        Map<String, String> mounts = new LinkedHashMap<>();
        List<InspectContainerResponse.Mount> list = inspect(container, false).getMounts();
        if (list != null) {
            for (InspectContainerResponse.Mount m : list) {
                if (m.getName() != null && m.getDestination() != null) {
                    mounts.put(m.getName(), m.getDestination().getPath());
                }
            }
        }
        return mounts;
    }

    /** Where the volume's files are on this host (its mountpoint in dockerd's data root). */
    public String volumeMountpoint(String volume) {
        return docker.inspectVolumeCmd(volume).exec().getMountpoint();
    }

    /** The container's {@code --add-host} entries (its network sandbox's, for a container in one). */
    public List<String> extraHosts(String container) {
        String[] hosts = networkHolder(container).getHostConfig().getExtraHosts();
        return hosts == null ? List.of() : List.of(hosts);
    }

    /** Whether a volume of that name exists. */
    public boolean hasVolume(String volume) {
        try {
            docker.inspectVolumeCmd(volume).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Creates an empty volume and returns its mountpoint. */
    public String createVolume(String volume) {
        docker.createVolumeCmd().withName(volume).exec();
        return volumeMountpoint(volume);
    }

    /** Removes a volume if it exists. */
    public void removeVolume(String volume) {
        try {
            docker.removeVolumeCmd(volume).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    /** Removes an image (by name or id) if it exists; images still used by a container stay. */
    public void removeImage(String image) {
        try {
            docker.removeImageCmd(image).withForce(false).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    /** Creates and starts a container as {@code launch} describes; its port is remembered for {@link #serviceAddress}. */
    public String run(ContainerLaunch launch) {
        String id = create(launch);
        docker.startContainerCmd(id).exec();
        return id;
    }

    /**
     * Creates, without starting, a container as {@code launch} describes ({@code docker create}); named volumes it
     * mounts that do not exist yet are created with it, empty. In {@link NetworkMode#SANDBOX} its network sandbox is
     * made first unless it runs already ({@link #createSandbox}), and the container joins it. Its port is remembered
     * for {@link #serviceAddress}.
     *
     * @return the container's id
     */
    public String create(ContainerLaunch launch) {
        try (CreateContainerCmd create = docker.createContainerCmd(launch.image())) {
            if (launch.network() == NetworkMode.SANDBOX) {
                createSandbox(launch);
            }
            String id = shape(create, launch, serviceHost).exec().getId();
            hostPorts.put(launch.name(), launch.hostPort());
            return id;
        }
    }

    /**
     * Fills {@code create} as {@code launch} says: on Docker's bridge the container publishes its port on
     * {@code serviceHost} and carries the hosts lines; in a sandbox it joins the sandbox's namespace and carries
     * neither (Docker refuses ports, exposed ports and hosts lines there: the sandbox has them).
     */
    static CreateContainerCmd shape(CreateContainerCmd create, ContainerLaunch launch, String serviceHost) {
        List<Bind> binds = launch.volumes().entrySet().stream()
                .map(v -> new Bind(v.getKey(), new Volume(v.getValue()))).toList();
        HostConfig hostConfig = HostConfig.newHostConfig().withBinds(binds);
        launch.runtime().ifPresent(hostConfig::withRuntime);
        launch.ipc().ifPresent(hostConfig::withIpcMode);
        if (launch.network() == NetworkMode.SANDBOX) {
            hostConfig.withNetworkMode(NetworkSandbox.joinMode(launch.name()));
        } else {
            holdNetwork(create, hostConfig, launch, serviceHost);
        }
        create.withName(launch.name()).withHostConfig(hostConfig);
        if (!launch.command().isEmpty()) {
            create.withCmd(launch.command());
        }
        if (!launch.env().isEmpty()) {
            create.withEnv(launch.env());
        }
        return create;
    }

    /**
     * What the container holding the app's network namespace (the app's own on the bridge, else its sandbox) carries:
     * the app's port published on {@code serviceHost}, and the app's hosts lines.
     */
    static void holdNetwork(CreateContainerCmd create, HostConfig hostConfig, ContainerLaunch launch, String serviceHost) {
        ExposedPort port = ExposedPort.tcp(launch.servicePort());
        Ports bindings = new Ports();
        bindings.bind(port, Ports.Binding.bindIpAndPort(serviceHost, launch.hostPort()));
        hostConfig.withPortBindings(bindings).withExtraHosts(launch.extraHosts().toArray(String[]::new));
        create.withExposedPorts(port);
    }

    /**
     * Creates and starts the network sandbox of {@code launch}'s container ({@code <name>-net}, from its image, running
     * {@code sleep infinity}, publishing its port with its hosts lines) unless it runs already. An image without a
     * {@code sleep} program fails, saying so.
     */
    public void createSandbox(ContainerLaunch launch) {
        NetworkSandbox.ensure(docker, serviceHost, launch);
    }

    /** Whether the network sandbox of {@code container} exists, running or not. */
    public boolean hasSandbox(String container) {
        return NetworkSandbox.find(docker, container).isPresent();
    }

    /** The name of the network sandbox an app container {@code container} joins in {@link NetworkMode#SANDBOX}. */
    public static String sandboxName(String container) {
        return NetworkSandbox.nameFor(container);
    }

    /**
     * How {@code container} is attached: {@link NetworkMode#SANDBOX} when it joins another container's network
     * namespace ({@code --network container:...}), else {@link NetworkMode#BRIDGE}.
     */
    public NetworkMode networkMode(String container) {
        return NetworkMode.ofDocker(dockerNetworkMode(inspect(container, false)));
    }

    /** Docker's IPC mode of {@code container} as created ({@code --ipc}), or null where Docker does not say. */
    public String ipcMode(String container) {
        InspectContainerResponse c = inspect(container, false);
        return c.getHostConfig() == null ? null : c.getHostConfig().getIpcMode();
    }

    private static String dockerNetworkMode(InspectContainerResponse c) {
        return c.getHostConfig() == null ? null : c.getHostConfig().getNetworkMode();
    }

    /** The container that holds {@code container}'s network settings: its sandbox, or itself. */
    private InspectContainerResponse networkHolder(String container) {
        InspectContainerResponse c = inspect(container, false);
        return NetworkMode.joinedContainer(dockerNetworkMode(c)).map(other -> inspect(other, false)).orElse(c);
    }

    /** Stops the container (SIGTERM, then SIGKILL after {@code grace}); returns once dockerd has cleaned up. */
    public void stop(String container, Duration grace) {
        awaitPendingStop(container);
        try {
            docker.stopContainerCmd(container).withTimeout((int) Math.max(0, grace.toSeconds())).exec();
        } catch (NotModifiedException e) {
            // already stopped
        }
    }

    /**
     * Stops the container as {@link #stop} does (SIGTERM, then SIGKILL after {@code grace}), but returns as soon as its
     * process has exited, before dockerd's clean-up after it (about 0.1 s on dockerd 20.10). This host's
     * {@link #start}, {@link #isRunning} and {@link #removeContainer} of that container wait for the clean-up
     * themselves; others can with {@link ContainerStop#awaitStopped()}.
     *
     * @throws io.mecmig.docker.ssh.RemoteCommandException if the stop failed or the process did not exit in time
     */
    public ContainerStop stopUntilExit(String container, Duration grace) {
        return stopUntilExit(container, grace, pid -> new java.util.concurrent.CompletableFuture<Void>());
    }

    /**
     * As {@link #stopUntilExit(String, Duration)}, with {@code watch} started on the container's process id before the
     * stop is sent: the step may end as soon as it sees the exit, which is often before dockerd reports it.
     */
    public ContainerStop stopUntilExit(String container, Duration grace, ContainerStop.ExitWatch watch) {
        awaitPendingStop(container);
        ContainerStop stop = ContainerStop.begin(docker, container, grace, watch);
        stopping.put(container, stop);
        stop.awaitExit();
        return stop;
    }

    /**
     * Waits for a stop of {@code container} begun by {@link #stopUntilExit} to be fully done, if one is pending. Its
     * failure, already reported by the stop, is not raised again: the caller goes on with the container as it is.
     */
    private void awaitPendingStop(String container) {
        ContainerStop pending = stopping.get(container);
        if (pending != null) {
            try {
                pending.awaitStopped();
            } catch (RuntimeException e) {
                // reported by stopUntilExit's caller; the container is in whatever state the stop left it
            } finally {
                stopping.remove(container, pending);
            }
        }
    }

    /**
     * The host port the container's {@code servicePort} is published on, if it is; for a container in a network
     * sandbox, the port the sandbox publishes.
     */
    public java.util.Optional<Integer> publishedPort(String container, int servicePort) {
        try {
            Ports ports = networkHolder(container).getHostConfig().getPortBindings();
            Ports.Binding[] b = ports == null ? null : ports.getBindings().get(ExposedPort.tcp(servicePort));
            if (b == null || b.length == 0 || b[0].getHostPortSpec() == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(Integer.parseInt(b[0].getHostPortSpec()));
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Where the app answers on this host: the service address and the host port its container publishes,
     * or the app's service port while the container does not exist yet.
     */
    @Override
    public ServiceAddress serviceAddress(AppSpec app) {
        Integer known = hostPorts.get(app.container());
        if (known == null) {
            known = publishedPort(app.container(), app.servicePort()).orElse(null);
            if (known != null) {
                hostPorts.put(app.container(), known);
            }
        }
        return new ServiceAddress(serviceHost, known == null ? app.servicePort() : known);
    }

    @Override
    public boolean isRunning(String container) {
        awaitPendingStop(container);
        try {
            Boolean running = inspect(container, false).getState().getRunning();
            return Boolean.TRUE.equals(running);
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Whether a container of that name exists, running or not. */
    public boolean hasContainer(String container) {
        try {
            inspect(container, false);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public void start(String container) {
        awaitPendingStop(container);
        try {
            docker.startContainerCmd(container).exec();
        } catch (NotModifiedException e) {
            // already running
        }
    }

    /**
     * {@link #start} on a thread of its own, returning at once: for a start held at a {@link StartGate}, which returns
     * only once the gate is opened (or fails when it is aborted).
     */
    public java.util.concurrent.CompletableFuture<Void> startAsync(String container) {
        return java.util.concurrent.CompletableFuture.runAsync(() -> start(container), STARTERS);
    }

    /** Removes the container, running or not, then its network sandbox if it has one; missing ones are fine. */
    @Override
    public void removeContainer(String container) {
        awaitPendingStop(container);
        try {
            docker.removeContainerCmd(container).withForce(true).exec();
        } catch (NotFoundException e) {
            // nothing to remove
        }
        NetworkSandbox.remove(docker, container);
        hostPorts.remove(container);
    }

    @Override
    public void close() {
        stopping.keySet().forEach(this::awaitPendingStop); // a stop cut off mid-way would leave no clean-up
        if (tunnel != null) {
            tunnel.close();
        }
        ssh.close();
        try {
            docker.close();
        } catch (IOException e) {
            // the connection pool is gone either way
        }
    }

    @Override
    public String toString() {
        return name + " (docker " + endpoint + ", ssh " + ssh.target() + ")";
    }

    /** Collects a host's addresses and access; {@link #build()} connects SSH and checks nothing else. */
    public static final class Builder {
        private final String name;
        private DockerEndpoint endpoint;
        private SshTarget sshTarget;
        private String serviceHost;
        private String linkAddress;
        private String workDir;
        private LinkAccess linkAccess;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder docker(DockerEndpoint endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder ssh(SshTarget target) {
            this.sshTarget = target;
            return this;
        }

        /** The management address: published ports answer there, the orchestrator and UE probe reach it. */
        public Builder serviceHost(String address) {
            this.serviceHost = address;
            return this;
        }

        /** The migration link address peers send to. */
        public Builder linkAddress(String address) {
            this.linkAddress = address;
            return this;
        }

        /** A folder on the host for tarballs and checkpoints. */
        public Builder workDir(String path) {
            this.workDir = path;
            return this;
        }

        public Builder linkAccess(LinkAccess access) {
            this.linkAccess = access;
            return this;
        }

        public DockerHost build() {
            require(endpoint, "docker(DockerEndpoint.of(\"unix:///path/docker.sock\"))");
            require(sshTarget, "ssh(new SshTarget(...))");
            require(serviceHost, "serviceHost(\"10.77.x.y\")");
            require(linkAddress, "linkAddress(\"10.77.0.x\")");
            require(workDir, "workDir(\"/var/lib/mecmig/" + name + "/work\")");
            require(linkAccess, "linkAccess(new LinkAccess(user, keyFile, knownHostsFile))");
            io.mecmig.core.Names.requireHostAddress("service address of host '" + name + "'", serviceHost);
            io.mecmig.core.Names.requireHostAddress("link address of host '" + name + "'", linkAddress);
            HostPaths.requireAbsolute("work folder of host '" + name + "'", workDir);
            if (endpoint.tlsFiles().isPresent()) {
                endpoint.requireAnswering(); // certificates that do not match fail here, with the fix
            }
            DockerHost host = new DockerHost(this, SshChannel.connect(sshTarget));
            host.ensureWorkDir();
            return host;
        }

        private void require(Object value, String call) {
            if (value == null) {
                throw new IllegalArgumentException("host '" + name + "' is incomplete: call ." + call);
            }
        }
    }
}
