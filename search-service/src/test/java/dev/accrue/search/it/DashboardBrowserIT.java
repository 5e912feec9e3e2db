package dev.accrue.search.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Loads the dashboard in Debian's headless Chromium against a seeded index, enters an API key like a
 * user, and checks that every chart drew data from the API. Saves a screenshot under target/.
 * Skipped, with the reason, where Chromium or its driver is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT extends SearchServiceTestBase {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final List<String> CHARTS = List.of("chart-trends", "chart-top-courses", "chart-categories", "chart-formats",
            "chart-completion", "chart-compliance");

    final SeedData seed = new SeedData("p-browser");
    WebDriver browser;

    @BeforeAll
    void startBrowserOnSeededIndex() {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Browser test skipped: install Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        try (EventLog log = new EventLog(STACK.kafkaBootstrapServers(), STACK.schemaRegistryUrl(), topics)) {
            log.sendAll(seed.all());
        }
        AnalyticsIT.awaitSeedIndexed(this, seed);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1400,1800");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyChartRendersSeededData() throws Exception {
        browser.get("http://127.0.0.1:" + port + "/?from=2025-01-01&to=2025-01-31&providerId=" + seed.provider);
        browser.findElement(By.id("apiKey")).sendKeys("it-analyst-key");
        browser.findElement(By.id("apply")).click();

        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        Path screenshot = Path.of("target", "dashboard.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                StandardCopyOption.REPLACE_EXISTING);

        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Updated");
        for (String chart : CHARTS) {
            String points = browser.findElement(By.id(chart)).getDomAttribute("data-points");
            assertThat(points).as(chart).isNotNull();
            assertThat(Integer.parseInt(points)).as(chart + " data points").isPositive();
            // ECharts drew into a canvas of the element's size.
            assertThat(browser.findElements(By.cssSelector("#" + chart + " canvas"))).as(chart).isNotEmpty();
        }
        // Compliance takes no activity dates or provider, and the page says so.
        assertThat(browser.findElement(By.id("compliance-scope")).getText()).startsWith("current status (not date-filtered");
        // The numbers are the API's: three courses of this provider, most attended first at the top.
        Object series = ((JavascriptExecutor) browser).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart-top-courses')).getOption().series[0].data;");
        assertThat(series.toString()).isEqualTo("[1, 2, 3]");
        Object key = ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('accrue.apiKey');");
        assertThat(key).isEqualTo("it-analyst-key");

        // Headline figures of the range (AnalyticsIT works them out from the same seed).
        assertThat(browser.findElement(By.id("kpi-attendances")).getText()).isEqualTo("6");
        assertThat(browser.findElement(By.id("kpi-credit-hours")).getText()).isEqualTo("23");
        assertThat(browser.findElement(By.id("kpi-certificates")).getText()).isEqualTo("5");
        assertThat(browser.findElement(By.id("kpi-active-licensees")).getText()).isEqualTo("5");

        // People read labels, not the contracts' symbols.
        assertThat(option("chart-formats", "xAxis[0].data")).isEqualTo("[In person, Live webinar, Self-study]");
        assertThat(option("chart-categories", "xAxis[0].data"))
                .isEqualTo("[Suicide prevention, Law and ethics, Telehealth, Cultural diversity]");
        // Hours and people on scales of their own.
        assertThat(option("chart-formats", "yAxis.map(a => a.name)")).isEqualTo("[Credit hours, Attendees]");
        assertThat(option("chart-formats", "series.map(s => s.name + ':' + s.yAxisIndex)"))
                .isEqualTo("[Credit hours:0, Attendees:1]");
        // Status colours mean what they say.
        assertThat(option("chart-compliance", "series.map(s => s.name + '=' + s.itemStyle.color)"))
                .contains("Complete=#1b7a3d", "On track=#4f9a5b", "At risk=#b26a00", "Overdue=#c62828");
        // Two providers' courses of one title are told apart by provider.
        assertThat(((JavascriptExecutor) browser).executeScript("return accrueDashboard.courseLabels(["
                + "{title: 'Telehealth Best Practices', providerId: 'acme'},"
                + "{title: 'Telehealth Best Practices', providerId: 'beacon'}, {title: 'Ethics', providerId: 'acme'}]).join(', ');"))
                .isEqualTo("Telehealth Best Practices (acme), Telehealth Best Practices (beacon), Ethics");
    }

    @Test
    void theFiltersAreReachedByKeyboardWithAVisibleFocus() {
        browser.get("http://127.0.0.1:" + port + "/");
        WebElement key = browser.findElement(By.id("apiKey"));
        key.click();
        key.sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getDomAttribute("id")).isEqualTo("from");
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(browser.findElements(By.cssSelector("label > input, label > select"))).allSatisfy(control ->
                assertThat(control.getDomAttribute("tabindex")).as("no control is taken out of the tab order").isNull());
    }

    /** A chart option as drawn, as "[a, b]": ECharts keeps what the page set. */
    private String option(String chart, String expression) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("const o = echarts.getInstanceByDom("
                + "document.getElementById('" + chart + "')).getOption(); return '[' + [].concat(o." + expression
                + ").join(', ') + ']';"));
    }
}
