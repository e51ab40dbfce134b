package dev.sgn4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sgn4j.testsupport.Requirement;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code sgn4j run --control 127.0.0.1:0 examples/live.yaml} in a JVM of its own: the URL it prints
 * serves the live page, which headless Chromium shows with figures that grow; SIGTERM then drains
 * the run and the command exits 0. Skipped without Chromium unless {@code SGN4J_REQUIRE} names it.
 */
class LivePageCommandTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private static long frames(WebDriver browser) {
    String text =
        browser
            .findElement(By.cssSelector("g[data-element='ticks'] text.frames"))
            .getAttribute("data-frames");
    return text == null ? -1 : Long.parseLong(text);
  }

  @Test
  void theUrlOfControlServesALivePage(@TempDir Path dir) throws Exception {
    Requirement.CHROMIUM.check();
    var tmpBefore = chromiumLeftovers();
    Process command =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                "--control",
                "127.0.0.1:0",
                "../examples/live.yaml")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try (var err =
                      new BufferedReader(
                          new InputStreamReader(
                              command.getErrorStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = err.readLine()) != null) {
                      if (line.startsWith("control: ")) {
                        url.complete(line.substring("control: ".length()));
                      }
                    }
                  } catch (java.io.IOException e) {
                    url.completeExceptionally(e);
                  }
                  url.completeExceptionally(new AssertionError("no 'control: URL' line"));
                });
    ChromeOptions options = new ChromeOptions();
    options.setBinary(
        Requirement.find("chromium")
            .or(() -> Requirement.find("chromium-browser"))
            .orElseThrow()
            .toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1100,400",
        "--user-data-dir=" + dir.resolve("profile"));
    // Its profile and temporary files in dir, which JUnit deletes: nothing stays in /tmp.
    WebDriver browser =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(Requirement.find("chromedriver").orElseThrow().toFile())
                .withEnvironment(java.util.Map.of("TMPDIR", dir.toString()))
                .build(),
            options);
    try {
      String address = url.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      assertThat(address).matches("http://127\\.0\\.0\\.1:\\d+/");
      browser.get(address);
      var wait = new WebDriverWait(browser, DEADLINE);
      wait.until(b -> b.findElements(By.cssSelector("g.element")).size() == 3);
      assertThat(browser.findElement(By.id("pipeline")).getText()).isEqualTo("live");
      wait.until(b -> frames(b) > 0);
      long first = frames(browser);
      wait.until(b -> frames(b) > first);
      Path shots = Files.createDirectories(Path.of("target", "screenshots"));
      Files.write(
          shots.resolve("cli-live-page.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

      command.destroy(); // SIGTERM: the run drains
      assertThat(command.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(command.exitValue()).isZero();
      reader.join(DEADLINE.toMillis());
    } finally {
      browser.quit();
      command.destroyForcibly();
      command.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }
    assertThat(chromiumLeftovers()).isEqualTo(tmpBefore);
  }

  /** Chromium's files in the machine's temp directory. */
  private static java.util.Set<String> chromiumLeftovers() throws java.io.IOException {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith("org.chromium."))
          .collect(java.util.stream.Collectors.toSet());
    }
  }
}
