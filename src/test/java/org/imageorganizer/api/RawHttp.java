package org.imageorganizer.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket: the request goes out byte for byte as written, so paths such as
 * {@code /images/..} or {@code %ff} reach the server unchanged (java.net clients normalise or refuse
 * them). One connection is kept alive between requests and opened again when the server closes it.
 */
final class RawHttp implements AutoCloseable {
    /** A response: its status, headers (names in lower case) and body. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final int port;
    private Socket socket;
    private InputStream in;

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends {@code METHOD TARGET HTTP/1.1} with a Host header and the given header lines, and reads the answer. */
    Answer send(String method, String target, String... headers) throws IOException {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return sendRaw(request.append("\r\n").toString());
    }

    /** Sends the request text as it is (request line, headers and the blank line) and reads the answer. */
    Answer sendRaw(String request) throws IOException {
        if (socket == null) {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(20_000);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 65_536);
        }
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Answer answer = read();
        if ("close".equalsIgnoreCase(answer.header("Connection")) || answer.status() < 0) {
            close();
        }
        return answer;
    }

    /**
     * Sends the requests one after the other without waiting (HTTP/1.1 pipelining, on one kept-alive
     * connection), then reads their answers; for many requests in little time.
     */
    java.util.List<Answer> pipeline(java.util.List<String> requests) throws IOException {
        close();
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        in = new java.io.BufferedInputStream(socket.getInputStream(), 65_536);
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream(), 65_536);
                for (String request : requests) {
                    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
            } catch (IOException e) {
                // the reader sees the connection end
            }
        }, "raw-http-writer");
        writer.start();
        java.util.List<Answer> answers = new java.util.ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            answers.add(read());
        }
        close();
        return answers;
    }

    private Answer read() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            return new Answer(-1, Map.of(), "");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line().strip(), 16); size > 0; size = Integer.parseInt(line().strip(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (status >= 200 && status != 204 && status != 304) {
            body.write(in.readAllBytes());
            headers.put("connection", "close");
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
