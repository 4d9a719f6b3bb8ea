package io.tunelab.dashboard.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, with explicit binary and driver paths (nothing is
 * downloaded) and a fresh profile. One per test class.
 */
public final class Browser implements AutoCloseable {
    public static final String CHROMIUM = System.getProperty("tunelab.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("tunelab.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    public Browser(int width, int height) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver at " + CHROMIUM
                    + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver; .ci/run does)");
        }
        try {
            profile = Files.createTempDirectory("tunelab-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens {@code url} and waits until the page says it is ready (its first data is drawn). */
    public void open(String url) {
        driver.get(url);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "1".equals(js("return document.body.dataset.ready || ''")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(url + " never became ready; browser log: " + consoleLog(), e);
        }
    }

    /** The browser console's messages so far, one per line. */
    public String consoleLog() {
        StringBuilder out = new StringBuilder();
        driver.manage().logs().get("browser").forEach(entry -> out.append('\n').append(entry.getLevel()).append(' ')
                .append(entry.getMessage()));
        return out.toString();
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until {@code script} returns true. */
    public void waitFor(String script) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js(script)));
    }

    /** Saves a screenshot as {@code target/screenshots/NAME.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path to = dir.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
