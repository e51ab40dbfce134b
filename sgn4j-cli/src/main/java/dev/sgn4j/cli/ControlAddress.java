package dev.sgn4j.cli;

import dev.sgn4j.Pipeline;
import dev.sgn4j.control.HttpControl;

/**
 * The address of {@code --control [HOST:]PORT}: {@code 8080} is {@code 127.0.0.1:8080}, {@code
 * 0.0.0.0:8080} every interface (then requests need the token the URL shows), {@code [::1]:0} the
 * IPv6 loopback on a free port.
 *
 * @param host the address to bind to
 * @param port the port, 0 for a free one
 */
record ControlAddress(String host, int port) {

  /**
   * Reads the option's value.
   *
   * @throws IllegalArgumentException saying what the value should look like
   */
  static ControlAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? HttpControl.DEFAULT_HOST : text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String portText = text.substring(colon + 1);
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (host.isEmpty() || port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          "'%s' is not [HOST:]PORT with a port from 0 to 65535 (0: a free one), e.g. 8080 or"
                  .formatted(text)
              + " 127.0.0.1:0");
    }
    return new ControlAddress(host, port);
  }

  /** Starts the control server of {@code pipeline} on this address. */
  HttpControl serve(Pipeline pipeline) {
    return HttpControl.builder(pipeline).host(host).port(port).build();
  }
}
