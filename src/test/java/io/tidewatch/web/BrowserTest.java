package io.tidewatch.web;

import io.tidewatch.core.Platform;
import io.tidewatch.store.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The sandbox and the dashboard in a real headless Chromium: what a person sees and clicks. The
 * screenshot of the sandbox is written to target/screenshots/ and, when docs/sandbox.png is missing or
 * {@code -Dtidewatch.screenshot=update} is given, to docs/sandbox.png (the README shows it).
 */
class BrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Not the seed of the example button (the page carries that one, published in rules/sandbox-examples.yaml). */
    private static final String SEED = "scheme spot photo card baby mountain device kick cradle pact join borrow";
    private Path profile;
    private ChromeDriver browser;

    @BeforeEach
    void open() {
        Browser.assumeInstalled();
        profile = Browser.profileDir();
        browser = Browser.start(profile);
    }

    @AfterEach
    void quit() throws IOException {
        if (browser != null) browser.quit();
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private int entries() { return browser.findElements(By.cssSelector("#conversation > li")).size(); }

    private void send(String name, String username, String text) {
        int before = entries();
        WebElement nameField = browser.findElement(By.id("name"));
        nameField.clear();
        nameField.sendKeys(name);
        WebElement user = browser.findElement(By.id("username"));
        user.clear();
        user.sendKeys(username);
        browser.findElement(By.id("text")).sendKeys(text);
        browser.findElement(By.id("send")).click();
        new WebDriverWait(browser, WAIT).until(d -> entries() == before + 1);
    }

    private WebElement last() {
        List<WebElement> all = browser.findElements(By.cssSelector("#conversation > li"));
        return all.get(all.size() - 1);
    }

    @Test
    void a_typed_leak_is_marked_deleted_with_the_secret_masked() {
        try (WebHarness web = WebHarness.start()) {
            browser.get(web.base + "/?lang=en");
            send("Ivan", "ivan", "help my wallet is empty?? seed: " + SEED);
            WebElement entry = last();
            assertTrue(entry.getAttribute("class").contains("deleted"));
            assertEquals("Deleted by Tidewatch", entry.findElement(By.cssSelector(".badge-deleted")).getText());
            String shown = entry.findElement(By.cssSelector(".member-text")).getText();
            assertTrue(shown.contains(MaskedText.MASK), shown);
            assertNotNull(entry.findElement(By.cssSelector(".action[data-type=DELETE_MESSAGE]")));
            assertEquals("", browser.findElement(By.id("text")).getAttribute("value"), "the box is cleared");
            Secrets.assertNoWordPairOf(SEED, browser.getPageSource());
            Object stored = browser.executeScript("return sessionStorage.getItem('tidewatch.sandbox.history');");
            Secrets.assertNoWordPairOf(SEED, String.valueOf(stored));

            browser.navigate().refresh(); // the session's history stays, masked
            waitFor(By.cssSelector("#conversation > li.deleted"));
            Secrets.assertNoWordPairOf(SEED, browser.getPageSource());
        }
    }

    @Test
    void a_chinese_support_question_gets_a_chinese_answer_naming_the_official_channels() {
        try (WebHarness web = WebHarness.start()) {
            browser.get(web.base + "/?lang=zh");
            assertEquals("Tidewatch 沙盒", browser.findElement(By.tagName("h1")).getText());
            browser.findElement(By.cssSelector("input[name=where][value='telegram private']")).click();
            send("李华", "lihua", "我的充值已经两个小时了还没到账，怎么办？");
            WebElement answer = last().findElement(By.cssSelector(".bubble.bot[data-to=member] .bot-text"));
            String text = answer.getText();
            assertTrue(text.contains("在线客服") && text.contains("https://www.example.com/support/chat"), text);
            assertTrue(text.contains("support@example.com") && text.contains("帮助中心"), text);
            assertFalse(answer.findElements(By.tagName("b")).isEmpty(), "Telegram bold shows as bold");
        }
    }

    @Test
    void a_display_name_with_markup_renders_as_text() {
        try (WebHarness web = WebHarness.start()) {
            browser.get(web.base + "/");
            send(SandboxApiTest.XSS, "xss", "my seed: " + SEED);
            WebElement entry = last();
            assertEquals(SandboxApiTest.XSS, entry.findElement(By.cssSelector(".member-name")).getText());
            assertTrue(browser.findElements(By.cssSelector("#conversation img")).isEmpty());
            assertTrue(entry.findElement(By.cssSelector(".bubble.bot[data-to=chat]")).getText().contains(SandboxApiTest.XSS),
                    "the bot's warning names the member, as text");
            assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        }
    }

    @Test
    void the_example_buttons_and_reload_work_and_the_page_is_photographed() throws IOException {
        try (WebHarness web = WebHarness.start()) {
            browser.get(web.base + "/?lang=en");
            waitFor(By.cssSelector("#rules-status"));
            new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.id("rules-status")).getText().startsWith("Rules loaded at"));
            for (String label : List.of("example.seed", "example.impersonator", "example.lookalike", "example.support_zh")) {
                int before = entries();
                browser.findElement(By.cssSelector("button[data-example='" + label + "']")).click();
                new WebDriverWait(browser, WAIT).until(d -> entries() == before + 1);
            }
            assertTrue(browser.findElement(By.cssSelector("#conversation > li:nth-child(2) .finding[data-category=impersonation]")).isDisplayed());
            assertTrue(browser.findElement(By.cssSelector("#conversation > li:nth-child(3) .finding[data-category=phishing]")).isDisplayed());
            browser.findElement(By.id("reload")).click();
            new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.id("rules-status")).getText().startsWith("Rules loaded at"));

            browser.executeScript("window.scrollTo(0, 0)");
            byte[] png = browser.getScreenshotAs(OutputType.BYTES);
            assertTrue(png.length > 10_000, "a real screenshot");
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(shots.resolve("sandbox.png"), png);
            Path docs = Path.of("docs", "sandbox.png");
            if (!Files.exists(docs) || "update".equals(System.getProperty("tidewatch.screenshot"))) {
                Files.createDirectories(docs.getParent());
                Files.write(docs, png);
            }
        }
    }

    @Test
    void the_dashboard_refuses_without_the_token_and_undoes_a_ban_with_it() {
        try (WebHarness web = WebHarness.start("127.0.0.1:0", AccessHttpTest.TOKEN, s -> s)) {
            long ban = web.services.audit().record("tidewatch", "BAN", Platform.TELEGRAM, "-1001000000002", "7000095028", "m13",
                    "impersonation-name", "impersonation (critical)", null, AuditLog.Status.DONE, web.clock.instant());
            browser.get(web.base + "/dashboard");
            assertTrue(browser.findElements(By.id("incidents")).isEmpty(), "no dashboard without the token");
            browser.findElement(By.id("token")).sendKeys("not-the-token");
            browser.findElement(By.id("sign-in")).click();
            waitFor(By.id("wrong"));
            assertTrue(browser.findElements(By.id("audit")).isEmpty());

            browser.findElement(By.id("token")).sendKeys(AccessHttpTest.TOKEN);
            browser.findElement(By.id("moderator-name")).sendKeys("Anna");
            browser.findElement(By.id("sign-in")).click();
            WebElement undo = waitFor(By.cssSelector("#audit tr[data-audit='" + ban + "'] form.undo button"));
            assertFalse(browser.getPageSource().contains(AccessHttpTest.TOKEN), "the token is never on a page");
            undo.click();
            WebElement notice = waitFor(By.id("notice"));
            assertTrue(notice.getText().startsWith("Undone"), notice.getText());
            assertTrue(browser.findElements(By.cssSelector("#audit tr[data-audit='" + ban + "'] form.undo")).isEmpty());
            assertTrue(web.services.audit().find(ban).orElseThrow().undone());
            List<AuditLog.Entry> all = web.services.audit().all();
            assertEquals("web:Anna", all.get(all.size() - 1).actor());
        }
    }
}
