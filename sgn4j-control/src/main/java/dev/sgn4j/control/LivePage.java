package dev.sgn4j.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The live page at {@code GET /}: one self-contained HTML file in the jar (no CDN, no internet)
 * that draws the pipeline from {@code graph?format=json}, reads {@code stats} twice a second and
 * shows on each element its frames, frames/s, share of the run's time, EOS, worker mode, queue
 * depths, heartbeat age and error, the run's state and elapsed time, and a form per controllable
 * element that posts JSON to {@code post/<element>}. Its requests are relative, so it works under a
 * tag and on any port, and pass the page's {@code token} parameter on when the server needs one.
 */
final class LivePage {

  private static final byte[] HTML = load();

  private LivePage() {}

  static byte[] html() {
    return HTML.clone();
  }

  private static byte[] load() {
    try (InputStream in = LivePage.class.getResourceAsStream("page.html")) {
      if (in == null) {
        throw new IllegalStateException("page.html is missing from sgn4j-control's jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
