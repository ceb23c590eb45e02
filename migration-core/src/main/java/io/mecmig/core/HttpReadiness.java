package io.mecmig.core;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link Readiness#http}: {@code GET path} over plain HTTP/1.1, on a connection kept alive per address. Lean on purpose:
 * the UE probe calls it every 10 ms per host throughout a migration, on the same cores as the dump and the restore it
 * measures, and the JDK's HttpClient took about a fifth of a core for that here (its selector thread, futures and
 * per-attempt exceptions). A refused connection fails at once; an accepted request gets {@code timeout} for its answer.
 */
final class HttpReadiness implements Readiness {

    private static final int CONNECT_MILLIS = 250;
    /** A status line or header longer than this is not an app's answer. */
    private static final int MAX_LINE = 8192;

    private final String path;
    private final Duration timeout;
    /** Connections kept alive between checks, one per address; a check takes it out while it uses it. */
    private final ConcurrentMap<ServiceAddress, Connection> idle = new ConcurrentHashMap<>();

    HttpReadiness(String path, Duration timeout) {
        this.path = ServiceAddress.absolute(path);
        this.timeout = timeout;
    }

    @Override
    public boolean isReady(ServiceAddress address) {
        Connection kept = idle.remove(address);
        if (kept != null) {
            try {
                return exchange(kept, address);
            } catch (StaleConnection e) {
                kept.close(); // closed while idle: ask again on a new one
            } catch (IOException e) {
                kept.close();
                return false;
            }
        }
        Connection fresh;
        try {
            fresh = Connection.open(address);
        } catch (IOException e) {
            return false;
        }
        try {
            return exchange(fresh, address);
        } catch (IOException e) {
            fresh.close();
            return false;
        }
    }

    /** One request and its whole answer; the connection is kept for the next check when the answer allows it. */
    private boolean exchange(Connection c, ServiceAddress address) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        c.socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        int first;
        try {
            c.out.write(("GET " + path + " HTTP/1.1\r\nHost: " + address.authority() + "\r\nAccept: */*\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            c.out.flush();
            first = c.in.read();
        } catch (SocketTimeoutException e) {
            throw e; // accepted, and no answer in time: a frozen app, not a closed connection
        } catch (IOException e) {
            throw new StaleConnection(); // reset before any answer
        }
        if (first < 0) {
            throw new StaleConnection();
        }
        String status = (char) first + line(c.in, deadline);
        if (!status.startsWith("HTTP/1.")) {
            c.close();
            return false;
        }
        long code = number(status.substring(Math.min(9, status.length()), Math.min(12, status.length())), 10);
        long length = -1;
        boolean chunked = false;
        boolean keep = !status.startsWith("HTTP/1.0");
        for (String header = line(c.in, deadline); !header.isEmpty(); header = line(c.in, deadline)) {
            String h = header.toLowerCase(Locale.ROOT);
            if (h.startsWith("content-length:")) {
                length = number(h.substring(15), 10);
            } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                chunked = true;
            } else if (h.startsWith("connection:")) {
                keep = h.contains("keep-alive") || (keep && !h.contains("close"));
            }
        }
        if (chunked) {
            for (long size = chunkSize(c.in, deadline); size > 0; size = chunkSize(c.in, deadline)) {
                skip(c.in, size + 2, deadline); // the chunk and its CRLF
            }
            while (!line(c.in, deadline).isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            skip(c.in, length, deadline);
        } else {
            keep = false; // the body ends with the connection
        }
        if (keep) {
            Connection other = idle.putIfAbsent(address, c);
            if (other != null) {
                c.close();
            }
        } else {
            c.close();
        }
        return code >= 200 && code < 300;
    }

    private static long chunkSize(InputStream in, long deadline) throws IOException {
        String size = line(in, deadline);
        int ext = size.indexOf(';');
        return number(ext < 0 ? size : size.substring(0, ext), 16);
    }

    /** A number of the answer; one that is not is a broken answer, as an early end is (never a thrown check). */
    private static long number(String digits, int radix) throws IOException {
        try {
            return Long.parseLong(digits.strip(), radix);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP answer: '" + digits + "' where a number belongs");
        }
    }

    /** A line without its CRLF; the read timeout bounds each byte, the deadline the whole answer. */
    private static String line(InputStream in, long deadline) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the answer ended early");
            }
            if (b != '\r') {
                s.append((char) b);
            }
            if (s.length() > MAX_LINE || System.nanoTime() > deadline) {
                throw new IOException("no HTTP answer line within bounds");
            }
        }
        return s.toString();
    }

    private static void skip(InputStream in, long n, long deadline) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the answer ended early");
                }
                skipped = 1;
            }
            n -= skipped;
            if (System.nanoTime() > deadline) {
                throw new IOException("the answer took longer than allowed");
            }
        }
    }

    @Override
    public String toString() {
        return "http GET " + path;
    }

    /**
     * The connection was closed (or reset) before any answer came: for a kept one, the app closed it while it was idle
     * (its idle time-out, a restart, a move); a check then asks once more on a new connection.
     */
    private static final class StaleConnection extends IOException {
        StaleConnection() {
            super("kept connection closed by the app");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // an expected event, not worth a stack trace
        }
    }

    private record Connection(Socket socket, InputStream in, OutputStream out) {
        static Connection open(ServiceAddress address) throws IOException {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(address.host(), address.port()), CONNECT_MILLIS);
                return new Connection(socket, new BufferedInputStream(socket.getInputStream(), 1024),
                        socket.getOutputStream());
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to keep
            }
        }
    }
}
