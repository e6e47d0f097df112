package org.orderflow.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte on a socket: the request line, headers and body exactly as
 * given (no encoding, no validation), so a test can send what well-behaved clients refuse to
 * build. One request per connection; the answer is read until the server closes it or the
 * deadline passes.
 */
public final class RawHttp {

    /** A request as bytes on the wire. */
    public record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

        public byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> header : headers) {
                out.writeBytes((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.writeBytes(body);
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            String text = new String(bytes(), StandardCharsets.UTF_8);
            return text.length() > 600 ? text.substring(0, 600) + "…(" + text.length() + " chars)" : text;
        }
    }

    /** The answer: status, headers (lower-case names) and body text. */
    public record Response(int status, Map<String, String> headers, String body, long millis) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private RawHttp() {
    }

    /**
     * @throws SocketTimeoutException when no complete answer arrived within {@code timeoutMillis}
     */
    public static Response send(String host, int port, Request request, int timeoutMillis) throws IOException {
        long start = System.nanoTime();
        long deadline = start + timeoutMillis * 1_000_000L;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(request.bytes());
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new SocketTimeoutException("no complete answer within " + timeoutMillis + " ms");
                }
                socket.setSoTimeout((int) left);
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException reset) {
                    if (received.size() > 0) {
                        break; // the server answered and closed hard
                    }
                    throw reset;
                }
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
                if (complete(received.toByteArray())) {
                    break;
                }
            }
            return parse(received.toByteArray(), (System.nanoTime() - start) / 1_000_000L);
        }
    }

    private static int headerEnd(byte[] bytes) {
        for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean complete(byte[] bytes) {
        int end = headerEnd(bytes);
        if (end < 0) {
            return false;
        }
        Map<String, String> headers = headers(new String(bytes, 0, end, StandardCharsets.ISO_8859_1));
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if (headers.containsKey("content-length")) {
            return body.length >= Integer.parseInt(headers.get("content-length").trim());
        }
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            return new String(body, StandardCharsets.ISO_8859_1).contains("\r\n0\r\n");
        }
        return false; // read until close
    }

    private static Response parse(byte[] bytes, long millis) throws IOException {
        int end = headerEnd(bytes);
        if (end < 0) {
            throw new IOException("incomplete answer: " + new String(bytes, StandardCharsets.ISO_8859_1));
        }
        String head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        String statusLine = head.split("\r\n", 2)[0];
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = headers(head);
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8), millis);
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = i;
            while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeText = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
