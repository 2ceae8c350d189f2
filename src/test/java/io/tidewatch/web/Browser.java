package io.tidewatch.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real headless Chromium for the browser tests: Debian's {@code chromium} and {@code chromedriver}
 * (installed by .ci/run), so Selenium downloads nothing. Outside CI the tests are skipped, with a
 * message, when they are not installed; under {@code CI=true} a missing browser fails the build.
 */
final class Browser {
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private Browser() {}

    static void assumeInstalled() {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (installed) return;
        String message = "browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): apt-get install -y chromium chromium-driver, or run bash .ci/run";
        if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(message);
        Assumptions.assumeTrue(false, "skipped: " + message);
    }

    /** A fresh headless browser with its own profile directory, deleted by {@link #quit}. */
    static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1300", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    static Path profileDir() {
        try {
            return Files.createTempDirectory("tidewatch-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
