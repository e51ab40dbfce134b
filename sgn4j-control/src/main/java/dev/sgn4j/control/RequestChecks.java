package dev.sgn4j.control;

import com.sun.net.httpserver.HttpExchange;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What every request must show before it is routed, so that only the clients the server is meant
 * for reach the pipeline:
 *
 * <ul>
 *   <li><b>Host</b>: exactly one {@code Host} header naming the server, one of {@link #hosts()}
 *       with the server's port, else 403. A web page that DNS rebinding pointed at the server sends
 *       its own site's name, so it cannot read or change anything. An HTTP/1.0 request without
 *       {@code Host} passes: browsers always send one.
 *   <li><b>Token</b>, only when the server listens beyond the loopback address: the server's token
 *       as {@code Authorization: Bearer <token>} or the query parameter {@code token}, else 401.
 *   <li><b>Origin</b>, for requests that can change state (every method but GET and HEAD): no
 *       {@code Origin} header (clients that are not browsers) or the server's own origin, {@code
 *       http://<host>:<port>} for one of {@link #hosts()}, else 403. A page on another site cannot
 *       post to the server then, whatever it sends.
 * </ul>
 *
 * Immutable and thread-safe.
 */
final class RequestChecks {

  /** The names of the loopback address a client may use: IPv4, the name, IPv6. */
  static final List<String> LOOPBACK_HOSTS = List.of("127.0.0.1", "localhost", "[::1]");

  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
  private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}]");
  private static final int MAX_QUOTED = 100;

  private final List<String> hosts;
  private final int port;
  private final String boundTo;
  private final byte[] token;
  private final String hostList;
  private final String originList;

  /**
   * @param hosts the names a {@code Host} header may give, lower case, IPv6 literals in brackets
   * @param port the port the server listens on
   * @param boundTo the address the server is bound to, for messages
   * @param token the token requests must carry, or null when none is needed
   */
  RequestChecks(List<String> hosts, int port, String boundTo, String token) {
    this.hosts = List.copyOf(hosts);
    this.port = port;
    this.boundTo = boundTo;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.hostList = this.hosts.stream().map(h -> h + ":" + port).collect(Collectors.joining(", "));
    this.originList =
        this.hosts.stream().map(h -> "http://" + h + ":" + port).collect(Collectors.joining(", "));
  }

  /**
   * The host names a server bound to {@code bound} answers to: the one it was given; then for a
   * server on every interface the loopback names and every interface's address, else its address
   * and, on loopback, the loopback names; then the {@code extra} names.
   *
   * @param given the host the server was asked to bind to
   * @param bound the address it is bound to
   * @param extra further names to accept, such as the machine's DNS name
   */
  static List<String> hostsFor(String given, InetAddress bound, Collection<String> extra) {
    Set<String> hosts = new LinkedHashSet<>();
    hosts.add(normalize(given));
    if (bound.isAnyLocalAddress()) {
      hosts.addAll(LOOPBACK_HOSTS);
      hosts.addAll(interfaceAddresses());
    } else {
      hosts.add(literal(bound));
      if (bound.isLoopbackAddress()) {
        hosts.addAll(LOOPBACK_HOSTS);
      }
    }
    extra.forEach(host -> hosts.add(normalize(host)));
    return List.copyOf(hosts);
  }

  /** The names a {@code Host} header may give, without the port. */
  List<String> hosts() {
    return hosts;
  }

  /**
   * Checks Host, then the token, then Origin.
   *
   * @throws ControlError 403 for a foreign or missing Host or a foreign Origin, 401 for a missing
   *     or wrong token
   */
  void check(HttpExchange exchange) {
    checkHost(exchange);
    checkToken(exchange);
    checkOrigin(exchange);
  }

  private void checkHost(HttpExchange exchange) {
    List<String> values = exchange.getRequestHeaders().get("Host");
    if (values == null || values.isEmpty()) {
      if ("HTTP/1.0".equalsIgnoreCase(exchange.getProtocol())) {
        return;
      }
      throw ControlError.forbidden(
          "Missing Host header; HTTP/1.1 requests must send one of: " + hostList);
    }
    if (values.size() > 1) {
      throw ControlError.forbidden(
          "Several Host headers (%s); send one, one of: %s"
              .formatted(
                  values.stream().map(RequestChecks::quote).collect(Collectors.joining(", ")),
                  hostList));
    }
    String value = values.get(0);
    if (!isThisServer(value)) {
      throw ControlError.forbidden(
          "Host header %s is not allowed; use one of: %s".formatted(quote(value), hostList));
    }
  }

  private void checkToken(HttpExchange exchange) {
    if (token == null) {
      return;
    }
    boolean sent = false;
    List<String> authorizations = exchange.getRequestHeaders().get("Authorization");
    if (authorizations != null) {
      for (String authorization : authorizations) {
        String value = authorization.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
          sent = true;
          if (matches(value.substring(7).trim())) {
            return;
          }
        }
      }
    }
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      for (String parameter : query.split("&")) {
        int equals = parameter.indexOf('=');
        String name = equals < 0 ? parameter : parameter.substring(0, equals);
        if (decode(name).equals("token")) {
          sent = true;
          if (equals >= 0 && matches(decode(parameter.substring(equals + 1)))) {
            return;
          }
        }
      }
    }
    throw ControlError.unauthorized(
        (sent ? "Wrong token" : "Missing token")
            + ": this server listens on "
            + boundTo
            + ", beyond the loopback address, so every request must carry its token, as the"
            + " header 'Authorization: Bearer <token>' or the query parameter 'token=<token>'"
            + " (HttpControl.token(); the URL the server logged at start has it)");
  }

  private void checkOrigin(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      return;
    }
    List<String> origins = exchange.getRequestHeaders().get("Origin");
    if (origins == null) {
      return;
    }
    for (String origin : origins) {
      if (!isThisServersOrigin(origin)) {
        throw ControlError.forbidden(
            ("Origin %s may not change state: web pages may post only from this server's own"
                    + " origin, one of: %s (clients that are not browsers send no Origin header)")
                .formatted(quote(origin), originList));
      }
    }
  }

  private boolean matches(String sent) {
    return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token);
  }

  /** Whether a {@code Host} value, {@code host[:port]}, names this server. */
  private boolean isThisServer(String value) {
    String trimmed = value.trim();
    String host;
    String rest;
    if (trimmed.startsWith("[")) {
      int close = trimmed.indexOf(']');
      if (close < 0 || !IPV6_LITERAL.matcher(trimmed.substring(0, close + 1)).matches()) {
        return false;
      }
      try {
        // A bracketed literal: parsed, never looked up.
        host = literal(InetAddress.getByName(trimmed.substring(0, close + 1)));
      } catch (UnknownHostException e) {
        return false;
      }
      rest = trimmed.substring(close + 1);
    } else {
      int colon = trimmed.indexOf(':');
      host = (colon < 0 ? trimmed : trimmed.substring(0, colon)).toLowerCase(Locale.ROOT);
      rest = colon < 0 ? "" : trimmed.substring(colon);
    }
    int sentPort = 80;
    if (!rest.isEmpty()) {
      if (!rest.startsWith(":") || !PORT.matcher(rest.substring(1)).matches()) {
        return false;
      }
      sentPort = Integer.parseInt(rest.substring(1));
    }
    return sentPort == port && hosts.contains(host);
  }

  /** Whether an {@code Origin} value, {@code http://host[:port]}, is this server's origin. */
  private boolean isThisServersOrigin(String origin) {
    String value = origin.trim();
    if (!value.regionMatches(true, 0, "http://", 0, 7)) {
      return false;
    }
    String authority = value.substring(7);
    return !authority.isEmpty() && authority.indexOf('/') < 0 && isThisServer(authority);
  }

  /** A host as {@code Host} headers give it: lower case, IPv6 literals compressed in brackets. */
  private static String normalize(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.contains(":") && IPV6_LITERAL.matcher("[" + bare + "]").matches()) {
      try {
        return literal(InetAddress.getByName("[" + bare + "]"));
      } catch (UnknownHostException e) {
        // not a literal after all: kept as given
      }
    }
    return host.toLowerCase(Locale.ROOT);
  }

  /** An address as a URL writes it: IPv4 dotted, IPv6 compressed (RFC 5952) in brackets. */
  static String literal(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    byte[] bytes = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(j, i + 1);
    }
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 1 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.append(']').toString();
  }

  private static List<String> interfaceAddresses() {
    try {
      return NetworkInterface.networkInterfaces()
          .flatMap(NetworkInterface::inetAddresses)
          .map(RequestChecks::literal)
          .toList();
    } catch (SocketException e) {
      return List.of();
    }
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /** {@code 'value'}, cut after 100 characters, for messages. */
  private static String quote(String value) {
    return "'"
        + (value.length() <= MAX_QUOTED
            ? value
            : value.substring(0, MAX_QUOTED) + "... (" + value.length() + " chars)")
        + "'";
  }
}
