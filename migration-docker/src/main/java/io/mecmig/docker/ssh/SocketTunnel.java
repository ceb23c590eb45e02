package io.mecmig.docker.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host's Docker socket, reached through its SSH channel: a listener on {@code 127.0.0.1} of the
 * orchestrator's machine whose every connection is carried by its own SSH session running
 * {@code docker system dial-stdio} against the host's unix socket (what Docker's own {@code ssh://} transport
 * does). The Engine API is then never exposed on the network: it is reached with the pinned host key and
 * the key login of the {@link SshChannel}, and the socket stays readable by root only on the host.
 */
public final class SocketTunnel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SocketTunnel.class);

    private final SshChannel ssh;
    private final RemoteCommand dial;
    private final ServerSocket server;
    private final Thread acceptor;

    private SocketTunnel(SshChannel ssh, String remoteSocket) throws IOException {
        this.ssh = ssh;
        this.dial = RemoteCommand.of("docker", "-H", "unix://" + remoteSocket, "system", "dial-stdio");
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "docker-tunnel-" + ssh.target().host());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Opens the local end of a tunnel to {@code remoteSocket} (an absolute path on the host).
     *
     * @throws UncheckedIOException if no local port can be bound
     */
    public static SocketTunnel toUnixSocket(SshChannel ssh, String remoteSocket) {
        try {
            return new SocketTunnel(ssh, remoteSocket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1 for the Docker tunnel to " + ssh.target(), e);
        }
    }

    /** {@code tcp://127.0.0.1:PORT}: the Engine API endpoint for docker-java on this machine. */
    public URI uri() {
        return URI.create("tcp://127.0.0.1:" + server.getLocalPort());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket local = server.accept();
                SshChannel.RawStream remote = ssh.openStream(dial);
                pump(local.getInputStream(), remote.in(), local, remote, "up");
                pump(remote.out(), local.getOutputStream(), local, remote, "down");
            } catch (IOException | RuntimeException e) {
                if (!server.isClosed()) {
                    LOG.warn("Docker tunnel to {}: {}", ssh.target(), e.toString());
                }
            }
        }
    }

    /** Copies {@code from} to {@code to} on a thread of its own; when either side ends, both are closed. */
    private static void pump(InputStream from, OutputStream to, Socket local, SshChannel.RawStream remote, String way) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // the other side closed: the connection is over
            } finally {
                closeQuietly(local);
                remote.close();
            }
        }, "docker-tunnel-" + way);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing the Docker tunnel: {}", e.toString());
        }
    }
}
