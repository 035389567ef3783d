package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The batch console in a real headless Chromium (Debian's {@code chromium} and {@code chromedriver},
 * no download): the token prompt, the job list, starting the warming job and watching it to
 * completion. Writes {@code target/console.png}, and {@code docs/console.png} with
 * {@code -Dconsole.screenshot.write=true}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsolePageIT {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1400,1800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1400, 1800));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void console_tokenThenStartWarming_listsJobsAndShowsProgressToCompletion() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(ItServer.root(base) + "/console/");

        WebElement tokenField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(browser.findElement(By.id("content")).isDisplayed()).isFalse();
        tokenField.sendKeys(ItServer.TOKEN);
        browser.findElement(By.cssSelector("#token-form button")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("job-cache-warming")));
        List<String> jobs = browser.findElements(By.cssSelector("#jobs tbody tr strong")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(jobs).containsExactly("cache-warming", "cache-cleanup");

        // The page redraws the jobs table on every poll (1.5 s): a button found just before a redraw is
        // gone when clicked, so find it again until a click lands.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            WebElement start = driver.findElement(By.id("start-cache-warming"));
            if (!start.isEnabled()) {
                return false;
            }
            start.click();
            return true;
        });
        new WebDriverWait(browser, Duration.ofMinutes(2))
                .until(ExpectedConditions.textToBe(By.id("status-cache-warming"), "COMPLETED"));
        wait.until(ExpectedConditions.textToBe(By.id("progress-cache-warming"), "6 / 6")); // WebDriver trims the text

        assertThat(browser.findElements(By.cssSelector("#warming-items li"))).hasSize(6);
        assertThat(browser.findElements(By.cssSelector("#warming-accounts tbody tr")))
                .hasSize(2);
        assertThat(browser.findElement(By.id("restart-cache-warming")).isEnabled())
                .isFalse();
        assertThat(browser.findElement(By.id("start-cache-warming")).isEnabled())
                .isTrue();
        wait.until(ExpectedConditions.textMatches(
                By.cssSelector("#executions tbody"), java.util.regex.Pattern.compile("cache-warming")));
        McpSyncClient client = ItServer.client(base);
        try {
            assertThat(ItServer.cacheState(ItServer.call(client, "folder_get_tree", Map.of("account_id", "demo"))))
                    .as("warmed, so a hit the chart shows")
                    .isEqualTo("fresh");
        } finally {
            client.closeGracefully();
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hit-rate-chart circle")));
        assertThat(browser.findElement(By.id("sync-summary")).getText())
                .as("the shared IT server runs without delta sync")
                .startsWith("Delta sync is off");

        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target/console.png"), StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("console.screenshot.write")) {
            Files.copy(shot, Path.of("docs/console.png"), StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.size(Path.of("target/console.png"))).isGreaterThan(10_000);
    }
}
