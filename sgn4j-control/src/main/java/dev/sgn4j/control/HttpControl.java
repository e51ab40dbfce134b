package dev.sgn4j.control;

import com.sun.net.httpserver.HttpServer;
import dev.sgn4j.Controllable;
import dev.sgn4j.Pipeline;
import dev.sgn4j.RunScope;
import dev.sgn4j.parallel.Parallelize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * An HTTP server that reads and changes the state of a pipeline's elements while it runs (SGN's
 * {@code HTTPControl}). Elements take part by implementing {@link Controllable}; the server finds
 * them by name, also inside composed elements. Its life is a scope around the run: building it
 * binds the socket and starts serving, {@link #run()} runs the pipeline inside it, and {@link
 * #close()} stops the server, so with try-with-resources it stops when the run ends (SGN's server
 * never stops).
 *
 * <pre>{@code
 * try (var control = HttpControl.start(pipeline)) {   // 127.0.0.1, a free port
 *   System.out.println("control at " + control.url());
 *   control.run();
 * }
 *
 * try (var control = HttpControl.builder(pipeline).port(8080).tag("run7")
 *     .registryFile(Path.of("registry.txt")).build()) {
 *   control.run();                       // http://127.0.0.1:8080/run7/get/source ...
 * }
 * }</pre>
 *
 * <p><b>Routes</b>, after the optional {@code /<tag>} prefix; replies are JSON unless said
 * otherwise, errors are {@code {"status":"error","message":"..."}} with a 4xx status:
 *
 * <ul>
 *   <li>{@code GET /get/<element>}: the element's state, e.g. {@code
 *       {"message":"Hello","count":3}}; {@code GET /get/<element>/<key>} and {@code
 *       /get/<element>/<key>/<key2>} the value under a key, and in it under a map key or list
 *       index. Unknown element: 404 naming the controllable elements; unknown key: 404 {@code <key>
 *       not in data} or {@code <key2> not in data[<key>]} (SGN's words).
 *   <li>{@code POST /post/<element>} with {@code Content-Type: application/json} and a JSON object:
 *       replaces the entries it names, each converted to the type of the value it replaces (an
 *       {@code Integer} stays an {@code Integer}; strings, booleans, enums, lists and maps
 *       likewise), and replies {@code {"status":"success","message":"Data received"}}. A posted map
 *       updates the map it replaces as a post updates the state: its keys must be the map's, and
 *       the keys it leaves out keep their values, so {@code {"config":{"threshold":2}}} changes
 *       {@code config.threshold} only. A key the state or one of its maps does not have (e.g.
 *       {@code Cannot set 'config.limit' of element 'source': no such key in 'config'; its keys
 *       are: mode, threshold}), or a value that does not convert, is a 400 naming its full path,
 *       and then nothing changes. Malformed JSON: 400 {@code Invalid JSON ...}; a body over 1 MiB:
 *       413; another content type: 415.
 *   <li>{@code GET /graph}: the pipeline as Graphviz DOT ({@code text/vnd.graphviz}); {@code GET
 *       /graph?format=mermaid}: as a Mermaid flowchart ({@code text/plain}).
 *   <li>{@code GET /stats}: {@link Pipeline#stats()} of the current or last run: iterations,
 *       elapsed time, and per element and pad the calls, frames, gaps, EOS and times, durations in
 *       nanoseconds, e.g. {@code {"iterations":120,"elapsed_ns":5300000,"running":true,
 *       "elements":[{"name":"source","calls":120,...,"pads":[...]}]}}.
 *   <li>{@code GET /metrics}: the same figures and the run's state for Prometheus, in its text
 *       format (or OpenMetrics, or protobuf with {@code prometheus-metrics-exposition-formats} on
 *       the class path, as the scraper's {@code Accept} header asks): {@code
 *       sgn4j_pad_frames_total{pipeline="p",element="source",pad="source:src:out"} 120.0}, queue
 *       depths of parallel elements, {@code sgn4j_run_state}; every metric is labelled with the
 *       pipeline's {@linkplain Pipeline#name() name}, and times that are estimates say so in their
 *       help text.
 * </ul>
 *
 * <p>A wrong method on a route is a 405, any other path a 404. No request can fail the run: every
 * unexpected failure answers 500 with its message. A request the JDK server cannot parse (e.g. a
 * path with broken percent-encoding, {@code /get/%zz}) gets the JDK server's own HTML 400: it is
 * refused before any handler runs.
 *
 * <p><b>Security.</b> Whoever can send the server a request can change element state, so the server
 * binds to the loopback address unless told otherwise, and checks every request before it routes
 * it; each refusal is a JSON error saying what is allowed:
 *
 * <ul>
 *   <li><b>Host.</b> The {@code Host} header must name the server with its port: for a loopback
 *       server {@code 127.0.0.1:<port>}, {@code localhost:<port>} or {@code [::1]:<port>}; else the
 *       host it was bound to, its address, (for {@code 0.0.0.0}) the addresses of every interface,
 *       and the names given to {@link Builder#allowHost(String)}. Any other, or none on HTTP/1.1:
 *       403. This stops DNS rebinding, where a web page's own host name comes to point at the
 *       server and the page reads it as if it were its own site.
 *   <li><b>Origin.</b> A POST (any method but GET and HEAD) with an {@code Origin} header that is
 *       not the server's own ({@code http://<allowed host>:<port>}): 403, so a page on another site
 *       cannot change state. Clients that are not browsers (curl, Java) send no {@code Origin} and
 *       are not affected.
 *   <li><b>Content type.</b> A POST must say {@code Content-Type: application/json} (a charset
 *       parameter may say utf-8), else 415: web pages post forms to any site unasked, but only as
 *       {@code text/plain}, {@code application/x-www-form-urlencoded} or {@code
 *       multipart/form-data}. With curl: {@code curl -H 'Content-Type: application/json' -d ...}.
 *   <li><b>Token, beyond loopback.</b> A server bound to any other address (a network interface,
 *       {@code 0.0.0.0}) makes a random token ({@link #token()}, 128 bits from {@link
 *       java.security.SecureRandom}) and every request must carry it, as {@code Authorization:
 *       Bearer <token>} or the query parameter {@code ?token=<token>}, else 401; the URL logged at
 *       start shows it. A loopback server needs none: only programs on this machine reach it, and
 *       the only remote code that can make them send it requests is a web page in a browser, which
 *       the Host, Origin and content-type checks stop.
 * </ul>
 *
 * <p>The registry file holds the URL without the token.
 *
 * <p><b>Threads.</b> Each request being read or answered has a daemon thread of its own, named
 * {@code sgn-control-<port>-<n>}: two stay, more start as requests come at once, up to 128, and end
 * after 30 seconds without work; beyond 128 a request's connection is closed. A connection that
 * sends nothing takes no thread, so slow or idle clients cannot keep others waiting. A request has
 * 10 seconds from its first byte to send its headers and 30 seconds for its body, else its
 * connection is closed without a reply; a thread {@code sgn-control-<port>-deadlines} watches this.
 * The request threads read and write the elements' state maps while the run thread uses them, which
 * is why {@link Controllable} asks for thread-safe maps. The JDK server's dispatcher thread
 * completes the set. {@link #close()} may be called from any thread and ends the server's threads.
 * Everything else is for the thread that built the control. No JVM-wide setting ({@code
 * sun.net.httpserver.*}) is changed.
 */
public final class HttpControl implements RunScope {

  /** The address the server binds to unless told otherwise: the IPv4 loopback address. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  private static final System.Logger LOG = System.getLogger("sgn.control");
  private static final int STOP_DELAY_SECONDS = 1;
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9._~-]+");

  private final Pipeline pipeline;
  private final HttpServer server;
  private final ControlHandler handler;
  private final RequestThreads threads;
  private final URI url;
  private final String token;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;

  private HttpControl(
      Pipeline pipeline,
      HttpServer server,
      ControlHandler handler,
      RequestThreads threads,
      URI url,
      String token) {
    this.pipeline = pipeline;
    this.server = server;
    this.handler = handler;
    this.threads = threads;
    this.url = url;
    this.token = token;
  }

  /**
   * Starts a control server for {@code pipeline} on 127.0.0.1 and a free port, without tag or
   * registry file; {@link #url()} says where.
   *
   * @param pipeline the pipeline whose elements it controls
   * @return the running server, to close when the run ends
   * @throws UncheckedIOException when the server cannot start
   */
  public static HttpControl start(Pipeline pipeline) {
    return builder(pipeline).build();
  }

  /**
   * Starts configuring a control server for {@code pipeline}.
   *
   * @param pipeline the pipeline whose elements it controls
   * @return a builder with the defaults: host 127.0.0.1, port 0 (a free port), no tag, no registry
   *     file
   */
  public static Builder builder(Pipeline pipeline) {
    return new Builder(Objects.requireNonNull(pipeline, "pipeline"));
  }

  /**
   * Where the server answers: {@code http://host:port}, followed by {@code /tag} when there is a
   * tag. Routes are below it, e.g. {@code URI.create(control.url() + "/get/source")}. It stays the
   * same after {@link #close()}.
   *
   * @return the server's base URL
   */
  public URI url() {
    return url;
  }

  /**
   * The token every request must carry when the server listens beyond the loopback address: 22
   * URL-safe base64 characters (128 random bits), new for each server, sent as {@code
   * Authorization: Bearer <token>} or the query parameter {@code token}. A loopback server needs
   * none, as the class comment explains.
   *
   * @return the token, or empty when the server is bound to a loopback address
   */
  public Optional<String> token() {
    return Optional.ofNullable(token);
  }

  /** The server's request threads, for tests. */
  RequestThreads requestThreads() {
    return threads;
  }

  /**
   * The pipeline this server controls.
   *
   * @return the pipeline
   */
  @Override
  public Pipeline pipeline() {
    return pipeline;
  }

  /**
   * Runs the pipeline inside this scope, where elements find it through {@code
   * runContext().scope(HttpControl.class)}. A pipeline with parallel elements also runs inside a
   * {@link Parallelize} scope, opened and closed here, as {@link Pipeline#run()} would. The server
   * keeps serving after the run, until {@link #close()}. Call it on the thread that runs the
   * pipeline.
   *
   * @throws IllegalStateException when the server is closed or the pipeline is already running
   * @throws dev.sgn4j.PipelineException when the run fails
   */
  @Override
  public void run() {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException(
            "this HttpControl (" + url + ") is closed; start a new one to run the pipeline");
      }
    } finally {
      lock.unlock();
    }
    if (Parallelize.needsParallelization(pipeline)) {
      try (Parallelize parallel = new Parallelize(pipeline)) {
        pipeline.runIn(this, parallel);
      }
    } else {
      pipeline.runIn(this);
    }
  }

  /**
   * Stops the server: requests being answered get up to a second to finish, then it stops accepting
   * connections, closes every connection and ends its threads. When it returns, the request threads
   * and the JDK server's dispatcher thread have ended (the JDK server's idle-connection timer, a
   * daemon thread, ends right after). Calling it again does nothing. A registry file is left in
   * place. Safe to call from any thread but the server's own.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
    } finally {
      lock.unlock();
    }
    try {
      // Requests being answered get up to a second; then every connection is closed at once
      // (stop(0)). HttpServer.stop(delay) can wait its whole delay for a connection a client
      // closed, hence this own wait.
      if (!handler.inFlight().awaitIdle(STOP_DELAY_SECONDS, TimeUnit.SECONDS)) {
        LOG.log(Level.WARNING, "HTTP control at {0}: closing while requests are answered", url);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        server.stop(0);
      } finally {
        stopThreads();
      }
    }
    LOG.log(Level.INFO, "HTTP control at {0} stopped", url);
  }

  private void stopThreads() {
    try {
      if (!threads.stop(STOP_DELAY_SECONDS, TimeUnit.SECONDS)) {
        LOG.log(Level.WARNING, "HTTP control at {0}: a request thread did not end", url);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "HttpControl[" + url + "]";
  }

  /**
   * Settings of a control server; {@link #build()} starts it. Not thread-safe.
   *
   * <pre>{@code
   * HttpControl control = HttpControl.builder(pipeline)
   *     .host("0.0.0.0")                      // reachable from other machines: needs the token
   *     .allowHost("myhost.example")          // a Host name clients may use besides addresses
   *     .port(8080)
   *     .tag("run7")                          // routes under /run7/...
   *     .registryFile(Path.of("registry.txt"))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final Pipeline pipeline;
    private String host = DEFAULT_HOST;
    private int port;
    private String tag;
    private Path registryFile;
    private final List<String> allowedHosts = new ArrayList<>();
    private Duration headerDeadline = RequestThreads.HEADER_DEADLINE;
    private Duration bodyDeadline = RequestThreads.BODY_DEADLINE;

    private Builder(Pipeline pipeline) {
      this.pipeline = pipeline;
    }

    /**
     * The address to bind to: a host name or IP address; {@code 0.0.0.0} for every interface. Any
     * address but a loopback one makes the server require its {@linkplain HttpControl#token()
     * token} on every request.
     *
     * @param host the address, 127.0.0.1 by default
     * @return this builder
     * @throws IllegalArgumentException when it is blank
     */
    public Builder host(String host) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException(
            "host must be a host name or IP address, such as 127.0.0.1, but it was blank");
      }
      this.host = host.trim();
      return this;
    }

    /**
     * The port to listen on; 0 picks a free one, which {@link HttpControl#url()} then tells.
     *
     * @param port from 0 to 65535, 0 by default
     * @return this builder
     * @throws IllegalArgumentException when it is out of range
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(
            "port must be from 0 (a free port) to 65535 but it was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * A further name the {@code Host} header may give, with the server's port, besides those the
     * class comment lists: e.g. the machine's DNS name for a server bound to {@code 0.0.0.0}. Only
     * add names that point at this machine and that no one else controls.
     *
     * @param name a host name or IP address, without port; may be called several times
     * @return this builder
     * @throws IllegalArgumentException when it is blank or has a port, a path or spaces
     */
    public Builder allowHost(String name) {
      Objects.requireNonNull(name, "name");
      String host = name.trim();
      boolean bracketed = host.startsWith("[") && host.endsWith("]");
      if (host.isEmpty()
          || host.contains("/")
          || host.chars().anyMatch(Character::isWhitespace)
          || (!bracketed && host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':'))) {
        throw new IllegalArgumentException(
            "allowHost takes a host name or IP address without port, such as myhost.example or"
                + " [fd00::2], but it was '"
                + name
                + "'");
      }
      allowedHosts.add(host);
      return this;
    }

    /** The deadlines of {@link RequestThreads}, shorter for tests. */
    Builder requestDeadlines(Duration headers, Duration body) {
      this.headerDeadline = headers;
      this.bodyDeadline = body;
      return this;
    }

    /**
     * A path segment every route starts with (SGN's {@code tag}), e.g. {@code run7} for {@code
     * /run7/get/source}, to tell several pipelines' servers apart.
     *
     * @param tag letters, digits, {@code .}, {@code _}, {@code ~} or {@code -}; null or empty for
     *     none (the default)
     * @return this builder
     * @throws IllegalArgumentException when it has other characters
     */
    public Builder tag(String tag) {
      if (tag != null && !tag.isEmpty() && !TAG.matcher(tag).matches()) {
        throw new IllegalArgumentException(
            "tag must be one path segment of letters, digits, '.', '_', '~' or '-' but it was '"
                + tag
                + "'");
      }
      this.tag = tag == null || tag.isEmpty() ? null : tag;
      return this;
    }

    /**
     * A file to write the server's URL to once it listens (SGN's {@code registry.txt}), so that
     * other programs find a server on a free port. It is replaced atomically where the file system
     * allows, and left in place when the server stops.
     *
     * @param registryFile the file, created with its directories if needed; null for none (the
     *     default)
     * @return this builder
     */
    public Builder registryFile(Path registryFile) {
      this.registryFile = registryFile;
      return this;
    }

    /**
     * Binds the socket, starts serving, logs the URL on {@code System.Logger} {@code sgn.control}
     * (with the token, when the server listens beyond loopback) and writes the registry file, if
     * any.
     *
     * @return the running server, to close when the run ends
     * @throws IllegalArgumentException when the host cannot be resolved
     * @throws UncheckedIOException when the port cannot be bound (e.g. it is in use) or the
     *     registry file cannot be written; nothing is left running then
     */
    public HttpControl build() {
      InetSocketAddress address = new InetSocketAddress(host, port);
      if (address.isUnresolved()) {
        throw new IllegalArgumentException(
            "Cannot resolve host '" + host + "'; use a host name or IP address of this machine");
      }
      HttpServer server;
      try {
        server = HttpServer.create(address, 0);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot start HTTP control on %s:%d: %s".formatted(host, port, e.getMessage()), e);
      }
      int boundPort = server.getAddress().getPort();
      InetAddress bound = server.getAddress().getAddress();
      String token = bound.isLoopbackAddress() ? null : newToken();
      var checks =
          new RequestChecks(
              RequestChecks.hostsFor(host, bound, allowedHosts), boundPort, host, token);
      RequestThreads threads = new RequestThreads(boundPort, headerDeadline, bodyDeadline);
      ControlHandler handler = new ControlHandler(pipeline, tag, checks);
      server.createContext("/", handler);
      server.setExecutor(threads.executor());
      server.start();
      String hostInUrl = host.contains(":") ? "[" + host + "]" : host;
      URI url =
          URI.create("http://" + hostInUrl + ":" + boundPort + (tag == null ? "" : "/" + tag));
      HttpControl control = new HttpControl(pipeline, server, handler, threads, url, token);
      if (registryFile != null) {
        try {
          RegistryFile.write(registryFile, url);
        } catch (IOException | RuntimeException e) {
          control.close();
          throw new UncheckedIOException(
              "Cannot write the registry file %s: %s".formatted(registryFile, e),
              e instanceof IOException io ? io : new IOException(e));
        }
      }
      if (token == null) {
        LOG.log(
            Level.INFO,
            "HTTP control running on {0} (GET {0}/get/<element>, POST {0}/post/<element>)",
            url);
      } else {
        LOG.log(
            Level.INFO,
            "HTTP control running on {0}/?token={1} (GET {0}/get/<element>?token={1}, POST"
                + " {0}/post/<element>?token={1}, or send the header Authorization: Bearer {1})",
            url,
            token);
      }
      return control;
    }

    /** 128 random bits as 22 URL-safe base64 characters. */
    private static String newToken() {
      byte[] bits = new byte[16];
      new SecureRandom().nextBytes(bits);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
  }
}
