package io.mecmig.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Notifications survive a callback that drops idle keep-alive connections, and keep their order. */
class NotificationSenderTest {

    /**
     * A callback server on 127.0.0.1 that answers the first request of each connection and closes the
     * connection on the second without answering, as a server whose keep-alive timeout fires just then.
     */
    private static final class ClosingCallback implements AutoCloseable {
        final ServerSocket server;
        final List<String> answered = new CopyOnWriteArrayList<>();
        final Thread acceptor;

        ClosingCallback() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread t = new Thread(() -> serve(s), "closing-callback-conn");
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "closing-callback");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/notify";
        }

        private void serve(Socket s) {
            try (s) {
                InputStream in = new BufferedInputStream(s.getInputStream());
                String first = readBody(in);
                if (first == null) {
                    return;
                }
                answered.add(first);
                s.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                readBody(in); // the second request on this connection: dropped, the connection closes unanswered
            } catch (IOException e) {
                // the client went away: nothing to record
            }
        }

        /** Reads one request and returns its body, or null at end of stream. */
        private static String readBody(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            int length = 0;
            for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            return new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void aNotificationOnAConnectionTheCallbackClosedIsSentAgainAndOrderIsKept() throws Exception {
        try (ClosingCallback callback = new ClosingCallback(); NotificationSender sender = new NotificationSender()) {
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String body = "{\"n\":" + i + "}";
                sent.add(body);
                sender.post(callback.url(), Json.MAPPER.readTree(body));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (callback.answered.size() < sent.size() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(callback.answered).containsExactlyElementsOf(sent);
        }
    }
}
