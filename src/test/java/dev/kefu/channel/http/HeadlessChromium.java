package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} + {@code chromium-driver}, headless, with a fresh profile per session.
 * Both paths are given to Selenium, so Selenium Manager never downloads a browser or a driver.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final File BROWSER = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    /**
     * Selenium warns on every start that it ships no CDP bindings for Debian's newer Chromium; the
     * tests only use raw CDP commands through chromedriver, which need none. Held here so the
     * logging configuration is not garbage-collected.
     */
    private static final List<Logger> QUIET = Stream.of("org.openqa.selenium.devtools.CdpVersionFinder",
            "org.openqa.selenium.chromium.ChromiumDriver").map(Logger::getLogger).toList();

    static {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /**
     * Skips the calling test when Chromium is not installed, or fails it when {@code CI} is set:
     * in CI the browser test must run ({@code .ci/run} installs the packages).
     */
    static void requireInstalled() {
        if (BROWSER.canExecute() && DRIVER.canExecute()) {
            return;
        }
        String missing = "the browser test needs Debian's chromium and chromium-driver (" + BROWSER + ", " + DRIVER
                + "); install them with: apt-get install -y chromium chromium-driver";
        if (System.getenv("CI") != null) {
            fail(missing + " (CI is set, so the test may not be skipped)");
        }
        dev.kefu.LoudSkip.abort(missing);
    }

    /** Starts a browser whose viewport is {@code width} x {@code height} CSS pixels. */
    static HeadlessChromium start(int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("kefu-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--lang=zh-CN", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        HeadlessChromium chromium = new HeadlessChromium(profile, driver);
        chromium.viewport(width, height, false);
        return chromium;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Emulates a viewport exactly; {@code mobile} also turns on touch-style mobile layout. */
    void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Saves a PNG of the viewport under {@code target/screenshots/}; returns its path. */
    Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // Chromium may still be writing into its profile while it exits; a leftover temp dir is harmless.
        }
    }
}
