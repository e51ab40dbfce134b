package dev.sgn4j.parallel.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A file mapped read-write into memory: the memory a parent JVM shares with its worker processes.
 * The parent {@linkplain #create creates} it (and owns it: {@link #close()} deletes it); a child
 * {@linkplain #open opens} the same path and maps the same pages.
 *
 * <p>Files live in {@code /dev/shm} when that directory exists and is writable (memory only, never
 * written to disk), else in {@code java.io.tmpdir}. Their names are {@code
 * sgn4j-<pid>-<tag>-<random hex>}, where {@code pid} is the creating process: a file whose creator
 * is no longer alive is stale, and {@link #removeStale()} deletes it (a run calls it when it
 * starts, so files left by a {@code kill -9} do not pile up).
 *
 * <pre>{@code
 * // parent
 * try (SharedFile file = SharedFile.create("square", 1 << 20)) {
 *   file.buffer().putLong(0, 42);
 *   startChild(file.path());
 * }                                         // unmapped here, and the file deleted
 * // child
 * try (SharedFile file = SharedFile.open(path)) {
 *   long answer = file.buffer().getLong(0);
 * }
 * }</pre>
 *
 * <p><b>Unmapping.</b> {@link #close()} drops this object's reference, and the pages are unmapped
 * when the buffer and its views become unreachable, so buffers handed out keep working. A file made
 * by {@link #createScoped} is for memory nobody touches after {@link #close()}, such as a worker
 * channel after its run: there {@code close()} unmaps at once where the JDK can (Java 22 and later,
 * see {@link Mapping}), and its buffers throw {@link IllegalStateException} if used afterwards. The
 * name is gone at once either way, so nothing is left in the directory; on {@code /dev/shm} the
 * memory is freed once every process has dropped its mapping. {@link #unlink()} removes the name
 * early while both sides keep their mappings: after the child has mapped the file, a crash of both
 * processes then leaves nothing behind.
 *
 * <p>Thread safety: all methods are safe from any thread; the buffer itself is shared memory, and
 * its users agree on who writes where.
 */
public final class SharedFile implements AutoCloseable {

  /** The common prefix of every shared file's name. */
  public static final String PREFIX = "sgn4j-";

  /** The longest tag kept in a file name; longer tags are cut. */
  static final int MAX_TAG_LENGTH = 64;

  /** The largest file: one {@link MappedByteBuffer} spans at most 2 GiB. */
  static final long MAX_SIZE = Integer.MAX_VALUE;

  private static final System.Logger LOG = System.getLogger(SharedFile.class.getName());
  private static final Path DEV_SHM = Path.of("/dev/shm");
  private static final int NAME_ATTEMPTS = 16;

  private final Path path;
  private final long size;
  private final boolean owner;
  private final ReentrantLock lock = new ReentrantLock();
  private final Mapping mapping;
  private volatile MappedByteBuffer buffer;
  private boolean unlinked;

  private SharedFile(Path path, long size, boolean owner, Mapping mapping) {
    this.path = path;
    this.size = size;
    this.owner = owner;
    this.mapping = mapping;
    this.buffer = mapping.buffer();
  }

  /**
   * The directory for shared files: {@code /dev/shm} when it exists and is writable, else {@code
   * java.io.tmpdir}.
   *
   * @return the directory
   */
  public static Path defaultDirectory() {
    if (Files.isDirectory(DEV_SHM) && Files.isWritable(DEV_SHM)) {
      return DEV_SHM;
    }
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  /**
   * Creates a zero-filled file of {@code size} bytes in the {@linkplain #defaultDirectory() default
   * directory}, maps it, and owns it.
   *
   * @param tag a word for the file name (an element's name); characters outside {@code
   *     [A-Za-z0-9_.-]} become {@code _}
   * @param size the size in bytes, 1 to {@link #MAX_SIZE}
   * @return the new file, mapped, owned by this side
   */
  public static SharedFile create(String tag, long size) {
    return create(defaultDirectory(), tag, size);
  }

  /**
   * {@link #create(String, long)} in the given directory.
   *
   * @param directory where to create the file
   * @param tag a word for the file name
   * @param size the size in bytes, 1 to {@link #MAX_SIZE}
   * @return the new file, mapped, owned by this side
   */
  public static SharedFile create(Path directory, String tag, long size) {
    return create(directory, tag, size, false);
  }

  /**
   * {@link #create(Path, String, long)} for memory that nobody uses after {@link #close()}, which
   * then unmaps it at once where the JDK can (Java 22 and later); buffers obtained from it throw
   * {@link IllegalStateException} when used after that. Such a file must be closed: its mapping is
   * not left to the garbage collector.
   *
   * @param directory where the file goes
   * @param tag a word for the file name
   * @param size the size in bytes, 1 to {@link #MAX_SIZE}
   * @return the file, owned by this side
   */
  public static SharedFile createScoped(Path directory, String tag, long size) {
    return create(directory, tag, size, true);
  }

  private static SharedFile create(Path directory, String tag, long size, boolean scoped) {
    Objects.requireNonNull(directory, "directory must not be null");
    Objects.requireNonNull(tag, "tag must not be null");
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "size of a shared file must be between 1 and " + MAX_SIZE + " bytes but it was " + size);
    }
    checkSpace(directory, size);
    String stem = PREFIX + ProcessHandle.current().pid() + "-" + sanitize(tag) + "-";
    for (int attempt = 0; ; attempt++) {
      Path path =
          directory.resolve(stem + Long.toHexString(ThreadLocalRandom.current().nextLong()));
      try {
        return new SharedFile(path, size, true, createAndMap(path, size, scoped));
      } catch (FileAlreadyExistsException taken) {
        if (attempt == NAME_ATTEMPTS) {
          throw new UncheckedIOException("no free name for a shared file like " + path, taken);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create shared file " + path + ": " + e, e);
      }
    }
  }

  /**
   * Maps an existing shared file read-write, without owning it: {@link #close()} leaves the file in
   * place. This is how a child process reaches the memory its parent created.
   *
   * @param path the file
   * @return the mapping, not owning the file
   */
  public static SharedFile open(Path path) {
    Objects.requireNonNull(path, "path must not be null");
    try (FileChannel channel =
        FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      if (size < 1 || size > MAX_SIZE) {
        throw new IllegalArgumentException(
            "shared file " + path + " has " + size + " bytes; expected 1 to " + MAX_SIZE);
      }
      return new SharedFile(path, size, false, Mapping.map(channel, size, false));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open shared file " + path + ": " + e, e);
    }
  }

  private static Mapping createAndMap(Path path, long size, boolean scoped) throws IOException {
    boolean created = false;
    try (FileChannel channel = createChannel(path)) {
      created = true;
      channel.write(ByteBuffer.wrap(new byte[1]), size - 1); // sized; the rest reads as zeros
      return Mapping.map(channel, size, scoped);
    } catch (IOException | RuntimeException e) {
      if (created) {
        Files.deleteIfExists(path);
      }
      throw e;
    }
  }

  /** Opens a new file that only this user may read and write (where the file system allows). */
  private static FileChannel createChannel(Path path) throws IOException {
    Set<StandardOpenOption> options =
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      FileAttribute<?> ownerOnly =
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
      return FileChannel.open(path, options, ownerOnly);
    }
    return FileChannel.open(path, options);
  }

  /** Fails early, with a message, where touching the mapped pages would fault later. */
  private static void checkSpace(Path directory, long size) {
    long free;
    try {
      free = Files.getFileStore(directory).getUsableSpace();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use directory " + directory + ": " + e, e);
    }
    if (free < size) {
      throw new IllegalStateException(
          "not enough free space in "
              + directory
              + " for a shared file of "
              + size
              + " bytes: "
              + free
              + " bytes free; free some space there or make the worker queues smaller");
    }
  }

  /**
   * The tag as it appears in a file name: characters outside {@code [A-Za-z0-9_.-]} become {@code
   * _}, and at most {@link #MAX_TAG_LENGTH} are kept.
   */
  static String sanitize(String tag) {
    int length = Math.min(tag.length(), MAX_TAG_LENGTH);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      char c = tag.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '.'
              || c == '-';
      out.append(allowed ? c : '_');
    }
    return out.toString();
  }

  /**
   * The mapped memory, position 0 and limit {@link #size()}. Callers use absolute indexes (or
   * duplicates), so the buffer's position and limit stay as they are.
   *
   * @return the buffer
   * @throws IllegalStateException once closed
   */
  public MappedByteBuffer buffer() {
    MappedByteBuffer mapped = buffer;
    if (mapped == null) {
      throw new IllegalStateException("shared file " + path + " is closed");
    }
    return mapped;
  }

  /**
   * Where the file is (or was, once unlinked).
   *
   * @return the path
   */
  public Path path() {
    return path;
  }

  /**
   * The size in bytes.
   *
   * @return the size
   */
  public long size() {
    return size;
  }

  /**
   * Whether this side created the file and deletes it on {@link #close()}.
   *
   * @return true for the creating side
   */
  public boolean isOwner() {
    return owner;
  }

  /**
   * Deletes the file's name now, keeping the mapping: processes that mapped it keep sharing the
   * memory, but nothing can open it any more and nothing is left behind if every process dies.
   * Owner only; does nothing the second time.
   *
   * @throws IllegalStateException when this side does not own the file
   */
  public void unlink() {
    if (!owner) {
      throw new IllegalStateException(
          "shared file " + path + " belongs to the process that created it; only it may delete it");
    }
    lock.lock();
    try {
      if (!unlinked) {
        unlinked = true;
        delete(path);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Drops the mapping and, when this side owns the file, deletes it. Idempotent; safe from any
   * thread. Buffers obtained before stay valid until they become unreachable, except those of a
   * {@linkplain #createScoped scoped} file, which is unmapped now where the JDK can.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      buffer = null;
      if (owner && !unlinked) {
        unlinked = true;
        delete(path);
      }
    } finally {
      lock.unlock();
    }
    if (mapping.scoped() && !mapping.unmap() && mapping.mapped()) {
      LOG.log(
          Level.WARNING,
          "shared file {0} stays mapped until the JVM exits: another thread kept using it",
          path);
    }
  }

  /**
   * Whether {@link #close()} unmaps a {@linkplain #createScoped scoped} file at once on this JDK
   * (Java 22 and later).
   *
   * @return true on Java 22 and later
   */
  public static boolean canUnmap() {
    return Mapping.unmappable();
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot delete shared file " + path, e);
    }
  }

  @Override
  public String toString() {
    return "SharedFile[" + path + ", " + size + " bytes" + (owner ? ", owner" : "") + "]";
  }

  // ---------------------------------------------------------------- stale files

  /**
   * Deletes the shared files in the {@linkplain #defaultDirectory() default directory} whose
   * creating process is no longer alive (left by a crash or a {@code kill -9}). Files of live
   * processes, including this one, are kept.
   *
   * @return the files deleted
   */
  public static List<Path> removeStale() {
    return removeStale(defaultDirectory());
  }

  /**
   * {@link #removeStale()} in the given directory.
   *
   * @param directory where to look
   * @return the files removed
   */
  public static List<Path> removeStale(Path directory) {
    List<Path> removed = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*")) {
      for (Path file : files) {
        OptionalLong pid = creatorPid(file);
        if (pid.isPresent() && !isAlive(pid.getAsLong()) && deleteStale(file)) {
          removed.add(file);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot look for stale shared files in " + directory, e);
    }
    return removed;
  }

  private static boolean deleteStale(Path file) {
    try {
      boolean deleted = Files.deleteIfExists(file);
      if (deleted) {
        LOG.log(Level.INFO, "deleted stale shared file {0}", file);
      }
      return deleted;
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "cannot delete stale shared file " + file, e); // another user's, say
      return false;
    }
  }

  /** The pid in a name {@code sgn4j-<pid>-...}, or empty when the name is not like that. */
  static OptionalLong creatorPid(Path file) {
    String name = file.getFileName().toString();
    if (!name.startsWith(PREFIX)) {
      return OptionalLong.empty();
    }
    int end = name.indexOf('-', PREFIX.length());
    if (end <= PREFIX.length() || end - PREFIX.length() > 18) {
      return OptionalLong.empty();
    }
    for (int i = PREFIX.length(); i < end; i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(Long.parseLong(name, PREFIX.length(), end, 10));
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
