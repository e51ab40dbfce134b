package dev.sgn4j.control;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The daemon threads that answer a server's requests, named {@code sgn-control-<port>-<n>}, and the
 * deadlines a request must keep while it is read.
 *
 * <p><b>Threads.</b> Each request that is being read or answered has a thread of its own: two
 * threads stay, more are started as requests come at once, up to {@link #MAX_THREADS}, and end
 * after {@link #KEEP_ALIVE} without work. A connection that opens and sends nothing takes no thread
 * (the JDK server's dispatcher waits for its first byte and closes it after its idle interval); one
 * that sends part of a request takes one, so a few slow clients cannot keep a normal request
 * waiting. When all {@link #MAX_THREADS} are busy the next request's connection is closed (the JDK
 * server's answer to a rejected exchange).
 *
 * <p><b>Deadlines.</b> From its first byte, a request has {@code headerDeadline} for its request
 * line and headers; the handler's reading of a body has {@code bodyDeadline}. A request that misses
 * its deadline has its connection closed without a reply: a thread named {@code
 * sgn-control-<port>-deadlines} interrupts the thread reading it, which closes the connection's
 * channel (a blocked read of an interruptible channel ends so). Nothing here sets the JDK server's
 * JVM-wide timeouts ({@code sun.net.httpserver.*}).
 *
 * <p>{@link #stop} ends every thread and joins them. Thread-safe.
 */
final class RequestThreads {

  /** The threads kept while no request comes. */
  static final int CORE_THREADS = 2;

  /** The most requests read or answered at once. */
  static final int MAX_THREADS = 128;

  /** How long a thread beyond {@link #CORE_THREADS} waits for work before it ends. */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

  /** The time a request has, from its first byte, to send its request line and headers. */
  static final Duration HEADER_DEADLINE = Duration.ofSeconds(10);

  /** The time the handler gives a request body to arrive. */
  static final Duration BODY_DEADLINE = Duration.ofSeconds(30);

  private static final System.Logger LOG = System.getLogger("sgn.control");

  /** The request the current thread reads or answers, if it is one of these threads. */
  private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

  private final String name;
  private final long headerNanos;
  private final long bodyNanos;
  private final AtomicInteger numbers = new AtomicInteger();
  private final List<Thread> started = new CopyOnWriteArrayList<>();
  private final Set<Request> requests = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor executor;
  private final Thread deadlines;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stopping = lock.newCondition();
  private boolean stopped;

  RequestThreads(int port) {
    this(port, HEADER_DEADLINE, BODY_DEADLINE);
  }

  RequestThreads(int port, Duration headerDeadline, Duration bodyDeadline) {
    this.name = "sgn-control-" + port;
    this.headerNanos = headerDeadline.toNanos();
    this.bodyNanos = bodyDeadline.toNanos();
    this.executor =
        new ThreadPoolExecutor(
            CORE_THREADS,
            MAX_THREADS,
            KEEP_ALIVE.toSeconds(),
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> newThread(task, name + "-" + numbers.incrementAndGet()),
            (task, pool) -> {
              LOG.log(
                  Level.WARNING,
                  "HTTP control {0}: all {1} request threads are busy; closing a connection",
                  name,
                  MAX_THREADS);
              throw new RejectedExecutionException(
                  "all " + MAX_THREADS + " request threads of " + name + " are busy");
            });
    this.deadlines = newThread(this::enforceDeadlines, name + "-deadlines");
    deadlines.start();
  }

  private Thread newThread(Runnable task, String threadName) {
    Thread thread = new Thread(task, threadName);
    thread.setDaemon(true);
    started.removeIf(old -> old.getState() == Thread.State.TERMINATED);
    started.add(thread);
    return thread;
  }

  /** The executor to give the JDK server: runs each exchange under the deadlines. */
  Executor executor() {
    return exchange -> executor.execute(() -> run(exchange));
  }

  private void run(Runnable exchange) {
    Request request = new Request(Thread.currentThread(), System.nanoTime() + headerNanos);
    requests.add(request);
    CURRENT.set(request);
    try {
      exchange.run();
    } finally {
      CURRENT.remove();
      requests.remove(request);
      request.finish();
    }
  }

  /** How many requests are sending their request line and headers now. */
  int readingHeaders() {
    return (int) requests.stream().filter(Request::readingHeaders).count();
  }

  /**
   * Marks the current request's headers as read: its header deadline no longer applies.
   *
   * @return false when the deadline already passed and its connection is being closed
   */
  static boolean headersRead() {
    Request request = CURRENT.get();
    return request == null || request.move(Request.HEADERS, Request.ANSWERING, 0);
  }

  /**
   * Reads the current request's body, or part of it, within the body deadline. A read that fails
   * (e.g. a body over the limit) leaves the request being answered, so the reply can still be sent.
   *
   * @throws InterruptedIOException when the deadline passed
   */
  static <T> T readingBody(BodyRead<T> read) throws IOException {
    Request request = CURRENT.get();
    if (request == null) {
      return read.read();
    }
    if (!request.move(Request.ANSWERING, Request.BODY, System.nanoTime() + request.bodyNanos())) {
      throw request.late();
    }
    T result;
    try {
      result = read.read();
    } catch (Throwable failed) {
      request.move(Request.BODY, Request.ANSWERING, 0);
      throw failed;
    }
    if (!request.move(Request.BODY, Request.ANSWERING, 0)) {
      throw request.late(); // read, but only after the deadline interrupted the thread
    }
    return result;
  }

  /** A read of a request body. */
  @FunctionalInterface
  interface BodyRead<T> {
    T read() throws IOException;
  }

  /** Interrupts the threads of requests past their deadline, until stopped. */
  private void enforceDeadlines() {
    lock.lock();
    try {
      while (!stopped) {
        long now = System.nanoTime();
        // Any request that starts or starts reading its body later has a deadline after this.
        long next = now + Math.min(headerNanos, bodyNanos);
        for (Request request : requests) {
          long deadline = request.expireIfDue(now);
          if (deadline - next < 0) {
            next = deadline;
          }
        }
        stopping.awaitNanos(Math.max(next - System.nanoTime(), 1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lets running requests finish, interrupts what still runs after half the deadline, and waits for
   * every thread to end, up to the deadline.
   *
   * @return true when every thread ended
   * @throws InterruptedException when interrupted while waiting (the threads are interrupted too)
   */
  boolean stop(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    lock.lock();
    try {
      stopped = true;
      stopping.signalAll();
    } finally {
      lock.unlock();
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(unit.toNanos(timeout) / 2, TimeUnit.NANOSECONDS)) {
        executor.shutdownNow();
      }
      for (Thread thread : started) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      throw e;
    }
    return started.stream().noneMatch(Thread::isAlive);
  }

  /** One request on one thread, and where it is: its phase and deadline. */
  private final class Request {
    static final int HEADERS = 0;
    static final int ANSWERING = 1;
    static final int BODY = 2;
    static final int TIMED_OUT = 3;
    static final int DONE = 4;

    private final Thread thread;
    private final ReentrantLock requestLock = new ReentrantLock();
    private int phase = HEADERS;
    private long deadline;
    private int timedOutIn = -1;

    Request(Thread thread, long deadline) {
      this.thread = thread;
      this.deadline = deadline;
    }

    long bodyNanos() {
      return bodyNanos;
    }

    boolean readingHeaders() {
      requestLock.lock();
      try {
        return phase == HEADERS;
      } finally {
        requestLock.unlock();
      }
    }

    /**
     * From phase {@code from} to {@code to}, with a new deadline; false when not in {@code from}.
     */
    boolean move(int from, int to, long newDeadline) {
      requestLock.lock();
      try {
        if (phase != from) {
          return false;
        }
        phase = to;
        deadline = newDeadline;
        return true;
      } finally {
        requestLock.unlock();
      }
    }

    /**
     * Interrupts the thread when the request is being read and its deadline has passed.
     *
     * @return its deadline when it is being read and not yet due, else a time far ahead
     */
    long expireIfDue(long now) {
      requestLock.lock();
      try {
        if (phase != HEADERS && phase != BODY) {
          return now + Long.MAX_VALUE / 2;
        }
        if (now - deadline < 0) {
          return deadline;
        }
        timedOutIn = phase;
        phase = TIMED_OUT;
        LOG.log(
            Level.DEBUG,
            "HTTP control {0}: closing a connection whose request {1} did not arrive in time",
            name,
            timedOutIn == BODY ? "body" : "headers");
        thread.interrupt(); // closes the channel the thread reads, or the next one it touches
        return now + Long.MAX_VALUE / 2;
      } finally {
        requestLock.unlock();
      }
    }

    InterruptedIOException late() {
      return new InterruptedIOException(
          "the request %s did not arrive within %d ms"
              .formatted(
                  timedOutIn == HEADERS ? "headers" : "body",
                  TimeUnit.NANOSECONDS.toMillis(timedOutIn == HEADERS ? headerNanos : bodyNanos)));
    }

    /** The request is over: no interrupt can come any more, and one that came is cleared. */
    void finish() {
      requestLock.lock();
      try {
        if (phase == TIMED_OUT) {
          Thread.interrupted();
        }
        phase = DONE;
      } finally {
        requestLock.unlock();
      }
    }
  }
}
