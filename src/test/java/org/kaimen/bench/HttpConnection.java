package org.kaimen.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection on a blocking socket, for the load generator. It understands just what the app
 * answers (a status line, headers, a body framed by {@code Content-Length} or chunked) and costs a fraction of the CPU
 * of the JDK's client, which matters when the generator shares two cores with the server it measures.
 *
 * <p>Not thread-safe: one per generator thread. After an {@link IOException} the caller closes it; the next exchange
 * opens a new socket.
 */
final class HttpConnection implements AutoCloseable {

    record Response(int status, boolean retryAfter, String body) {
    }

    private static final int TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A complete POST of a JSON body, built once so that sending it is a single write. */
    static byte[] post(URI uri, String json, String authorization, String idempotencyKey) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nAuthorization: " + authorization
                + "\r\nIdempotency-Key: " + idempotencyKey + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    Response exchange(byte[] request) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            out = socket.getOutputStream();
        }
        out.write(request);
        out.flush();
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean retryAfter = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                throw new IOException("malformed header: " + header);
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "retry-after" -> retryAfter = true;
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        if (chunked) {
            for (long size = Long.parseLong(chunkSize(line()), 16); size > 0;
                 size = Long.parseLong(chunkSize(line()), 16)) {
                copy(size, body);
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers carry nothing this generator needs
            }
        } else if (length >= 0) {
            copy(length, body);
        } else {
            in.transferTo(body);
            closes = true;
        }
        if (closes) {
            close();
        }
        return new Response(status, retryAfter, body.toString(StandardCharsets.UTF_8));
    }

    private static String chunkSize(String line) {
        int extension = line.indexOf(';');
        return (extension < 0 ? line : line.substring(0, extension)).strip();
    }

    private void copy(long length, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, length))];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("the connection closed " + left + " bytes before the end of the body");
            }
            to.write(buffer, 0, n);
            left -= n;
        }
    }

    /** A line of the head, without its CRLF; header bytes are ASCII (or Latin-1) on the wire. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("the connection closed in the middle of an answer");
            }
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to release
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
