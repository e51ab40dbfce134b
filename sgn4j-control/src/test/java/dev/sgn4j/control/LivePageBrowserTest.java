package dev.sgn4j.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.Compose;
import dev.sgn4j.Controllable;
import dev.sgn4j.Frame;
import dev.sgn4j.Pipeline;
import dev.sgn4j.SinkElement;
import dev.sgn4j.SinkPad;
import dev.sgn4j.SourceElement;
import dev.sgn4j.SourcePad;
import dev.sgn4j.elements.CallableTransform;
import dev.sgn4j.testsupport.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page in headless Chromium: every element drawn, a frame counter that grows while the run
 * goes, an edit through a form that the next frames show, the run's end; a screenshot goes to
 * {@code target/screenshots/live-page.png}. Skipped, saying why, without Chromium and chromedriver
 * unless {@code SGN4J_REQUIRE} names {@code chromium}.
 */
class LivePageBrowserTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @AfterEach
  void nothingIsLeftRunning() throws InterruptedException {
    ServerThreads.assertNoneLeft();
  }

  /** Sends its state's message about 50 times a second until the run is stopped. */
  static final class Ticker extends SourceElement implements Controllable {
    private final Map<String, Object> state =
        new ConcurrentHashMap<>(Map.of("message", "hello", "count", 0));

    Ticker() {
      super("ticker", List.of("out"));
    }

    @Override
    public Map<String, Object> controlState() {
      return state;
    }

    @Override
    protected Frame newFrame(SourcePad pad) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // the source's rate
      state.compute("count", (key, value) -> (Integer) value + 1);
      return Frame.of(state.get("message")).withEos(signaledEos());
    }
  }

  /** Keeps the last message it got in its state. */
  static final class LastMessage extends SinkElement implements Controllable {
    private final Map<String, Object> state = new ConcurrentHashMap<>(Map.of("last", ""));

    LastMessage() {
      super("last", List.of("in"));
    }

    @Override
    public Map<String, Object> controlState() {
      return state;
    }

    @Override
    protected void pull(SinkPad pad, Frame frame) {
      if (!frame.isGap()) {
        state.put("last", frame.data());
      }
      if (frame.isEos()) {
        markEos(pad);
      }
    }
  }

  /**
   * Chromium with its profile and temporary files in {@code dir} (JUnit deletes it), so that
   * nothing of it stays in the machine's temp directory.
   */
  static WebDriver chromium(Path dir) {
    Path browser =
        Requirement.find("chromium").or(() -> Requirement.find("chromium-browser")).orElseThrow();
    Path driver = Requirement.find("chromedriver").orElseThrow();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1100,700",
        "--user-data-dir=" + dir.resolve("profile"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .withEnvironment(Map.of("TMPDIR", dir.toString()))
            .build();
    return new ChromeDriver(service, options);
  }

  private static long frames(WebDriver browser, String element) {
    String text =
        browser
            .findElement(By.cssSelector("g[data-element='" + element + "'] text.frames"))
            .getAttribute("data-frames");
    return text == null ? -1 : Long.parseLong(text);
  }

  @Test
  void aHeadlessChromiumShowsTheRunningPipelineLiveAndEditsAnElement(@TempDir Path dir)
      throws Exception {
    Requirement.CHROMIUM.check();
    var tmpBefore = chromiumLeftovers();
    var ticker = new Ticker();
    var last = new LastMessage();
    var relay =
        new Compose()
            .insert(
                CallableTransform.fromCallable(
                    "copy", frames -> frames.get(0).data(), "out", List.of("in")))
            .asTransform("relay");
    var pipeline =
        new Pipeline("live").handleSignals(false).connect(ticker, relay).connect(relay, last);
    WebDriver browser = chromium(dir);
    try (var control = HttpControl.builder(pipeline).port(0).build()) {
      var run = pipeline.start();
      try {
        browser.get(control.url() + "/");
        var wait = new WebDriverWait(browser, DEADLINE);

        wait.until(b -> b.findElements(By.cssSelector("g.element")).size() == 3);
        assertThat(
                browser.findElements(By.cssSelector("g.element")).stream()
                    .map(e -> e.getAttribute("data-element")))
            .containsExactly("ticker", "relay", "last");
        assertThat(browser.findElement(By.id("pipeline")).getText()).isEqualTo("live");
        assertThat(browser.findElement(By.id("svg")).getAttribute("href"))
            .isEqualTo(control.url() + "/graph?format=svg");
        wait.until(b -> frames(b, "ticker") > 0);
        long first = frames(browser, "ticker");
        wait.until(b -> frames(b, "ticker") > first);
        wait.until(b -> frames(b, "relay") > 0); // a composed element shows its inner figures
        wait.until(b -> b.findElement(By.cssSelector("#run .state")).getText().equals("RUNNING"));

        WebElement form =
            browser.findElement(By.cssSelector("form.control[data-element='ticker']"));
        WebElement json = form.findElement(By.tagName("textarea"));
        json.clear();
        json.sendKeys("{\"message\": \"edited in the page\"}");
        form.findElement(By.tagName("button")).click();
        wait.until(b -> form.findElement(By.className("result")).getText().equals("Data received"));
        wait.until(
            b ->
                b.findElement(By.cssSelector("form.control[data-element='last'] pre.state"))
                    .getText()
                    .contains("edited in the page"));
        assertThat(last.controlState().get("last")).isEqualTo("edited in the page");

        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(
            shots.resolve("live-page.png"),
            ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        run.stop();
        assertThat(run.await(DEADLINE)).isTrue();
        wait.until(
            b ->
                b.findElement(By.cssSelector("#run .state"))
                    .getText()
                    .equals("run ended: STOPPED"));
        long end = frames(browser, "ticker");
        assertThat(end).isEqualTo(pipeline.stats().element("ticker").framesOut());
      } finally {
        run.abort();
        run.await(DEADLINE);
      }
    } finally {
      browser.quit();
    }
    assertThat(chromiumLeftovers()).isEqualTo(tmpBefore);
  }

  /** Chromium's files in the machine's temp directory. */
  static java.util.Set<String> chromiumLeftovers() throws java.io.IOException {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith("org.chromium."))
          .collect(java.util.stream.Collectors.toSet());
    }
  }
}
