package org.imageorganizer.api;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium under Selenium, with the driver and browser given by path so that
 * Selenium Manager never goes to the network, a fresh profile, and the console collected.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** Selenium warns that it has no CDP support for this Chromium; the test uses none (held: loggers are weak). */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final List<LogEntry> console = new ArrayList<>();

    /**
     * Fails when the browser is missing on CI (which installs it: .ci/run), skips elsewhere.
     */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        String missing = "The browser tests need Chromium at " + BROWSER + " and its driver at " + DRIVER
                + " (Debian: apt-get install chromium chromium-driver).";
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(missing);
        }
        Assumptions.assumeTrue(installed, missing);
    }

    HeadlessChromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    ChromeDriver driver() {
        return driver;
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * Console messages at SEVERE, except "Failed to load resource" for the HTTP statuses the test
     * provokes on purpose (a 401 before the key is given, a 415 for a file that is not an image).
     * CSP violations are SEVERE console messages, so they are among these.
     */
    List<String> severeConsoleMessages(int... expectedStatuses) {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        List<String> severe = new ArrayList<>();
        for (LogEntry entry : console) {
            if (entry.getLevel().intValue() < Level.SEVERE.intValue()) {
                continue;
            }
            boolean expected = false;
            for (int status : expectedStatuses) {
                expected |= Pattern.compile("Failed to load resource: the server responded with a status of "
                        + status + "\\b").matcher(entry.getMessage()).find();
            }
            if (!expected) {
                severe.add(entry.getMessage());
            }
        }
        return severe;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
