package org.orderflow.it.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through its own ChromeDriver (no download at run time: the
 * machine has no way out). Where the packages are missing, they are installed first with apt-get
 * (as root, as on a fresh machine of this kind and in CI); elsewhere point {@code it.chromium} and
 * {@code it.chromedriver} at a Chromium and its matching driver.
 */
public final class Browser {

    private static final String CHROMIUM = System.getProperty("it.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");
    /** Where screenshots go (kept as build artifacts). */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("it.screenshots", "target/console-screenshots"));

    private Browser() {
    }

    /** A new headless Chromium with an empty profile, 1440×1000. */
    public static WebDriver start() {
        installWhereMissing();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // no sandbox: CI runs as root; no background networking: the machine's network is closed
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1440,1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return driver;
    }

    /** Saves what the browser shows as {@code SCREENSHOTS/name.png}. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the screenshot " + name, e);
        }
    }

    private static synchronized void installWhereMissing() {
        if (new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute()) {
            return;
        }
        System.out.println("[browser] " + CHROMIUM + " or " + CHROMEDRIVER + " missing: installing Debian's chromium and "
                + "chromium-driver");
        if (run(List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium", "chromium-driver")) != 0) {
            run(List.of("apt-get", "update"));
            int exit = run(List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium", "chromium-driver"));
            if (exit != 0) {
                throw new IllegalStateException("apt-get could not install chromium and chromium-driver (exit " + exit
                        + "); install them, or set it.chromium and it.chromedriver");
            }
        }
    }

    /** Runs a command, echoing its output as progress; its exit code. */
    private static int run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(line -> System.out.println("[browser] " + line));
            }
            return process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }
}
