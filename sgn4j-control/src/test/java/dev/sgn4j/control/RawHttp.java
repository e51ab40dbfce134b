package dev.sgn4j.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte for byte on a plain socket, for what the JDK's HttpClient does not send (a
 * Host header of the test's choosing, none at all, two of them), and their replies read whole.
 */
final class RawHttp {

  private static final int TIMEOUT_MILLIS = 20_000;

  private RawHttp() {}

  /** A reply: status code, headers (names in lower case) and body. */
  record Reply(int status, Map<String, String> headers, String body) {}

  /**
   * Sends {@code request} to the server at {@code url} on a new connection and reads the reply.
   *
   * @param request the whole request: request line, headers, blank line, body
   */
  static Reply send(URI url, String request) throws IOException {
    try (var socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      String head = readHead(in);
      String[] lines = head.split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
      byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
      return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }
  }

  /** A GET of {@code path} with the given header lines, then {@code Connection: close}. */
  static String get(String path, String... headerLines) {
    return request("GET", path, "", headerLines);
  }

  /** A request with {@code body} (its Content-Length added) and the given header lines. */
  static String request(String method, String path, String body, String... headerLines) {
    StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    if (!body.isEmpty()) {
      request
          .append("Content-Length: ")
          .append(body.getBytes(StandardCharsets.UTF_8).length)
          .append("\r\n");
    }
    return request.append("Connection: close\r\n\r\n").append(body).toString();
  }

  private static String readHead(InputStream in) throws IOException {
    var head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("the connection closed before the reply's headers ended: " + head);
      }
      head.write(next);
      matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.length() - 4);
  }
}
