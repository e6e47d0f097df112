package org.orderflow.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.orderflow.it.projection.PoisonLog;
import org.orderflow.it.projection.PoisonProjector;
import org.orderflow.it.support.Api;
import org.orderflow.it.support.Browser;
import org.orderflow.it.support.Deployments;
import org.orderflow.it.support.Eventually;
import org.orderflow.it.support.ExternalSystems;
import org.orderflow.it.support.WebhookStub;

/**
 * The operator console in a real browser (headless Chromium): an operator signs in, sees every
 * projector's lag, retries a failed projection once its cause is fixed, replays a dead letter,
 * runs a rebuild to 100 %, walks a stream through its past states and follows its correlation
 * id, and finds the session that holds the log back. Each step is checked against the server's
 * state, not only the page; the main pages are kept as screenshots (target/console-screenshots).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    private static final String CONSOLE = Api.SERVER + "/orderflow/console/";
    private static final String ITEM = "{\"order_item\":{\"product_name\":\"item\",\"quantity\":1,\"unit_price_cents\":10}}";
    private static final String PLATFORM = "operator,platform-operator";
    private static final Duration WITHIN = Duration.ofSeconds(60);

    private static WebDriver browser;
    private final Api api = Api.client();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.orderflowWar().addClass(PoisonProjector.class);
    }

    @BeforeAll
    static void openTheBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void theTestProjectorStartsAtTheHeadOfTheLog() throws SQLException {
        PoisonLog.startTheProjectorAtTheHead();
    }

    @Test
    void an_operator_signs_in_and_sees_every_projectors_lag_and_only_the_actions_of_its_role() {
        api.post("/orders", "{\"order\":{\"customer_name\":\"console\"}}");
        Api.Reply page = api.withoutToken().getAbsolute("/orderflow/console/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).as("only its own script, no framing")
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        List<String> projectors = api.get("/ops/projections").json().findValuesAsText("projector");

        signIn("ana", "default", PLATFORM);

        // every projector of the API is a row with its lag in events, and the lag chart fills as the page polls
        waitUntil(b -> b.findElements(By.cssSelector("tr[data-projector]")).size() == projectors.size());
        for (String projector : projectors) {
            assertThat(ConsoleIT.<String>read(b -> text(row(projector), ".lag-events"))).as(projector).matches("\\d+");
        }
        waitUntil(b -> !b.findElements(By.cssSelector("tr[data-projector='order-summary'] svg.spark polyline")).isEmpty());
        assertThat(ConsoleIT.<Boolean>read(b -> row("order-summary").findElement(By.cssSelector("button.rebuild")).isEnabled())).isTrue();
        Browser.screenshot(browser, "projections");

        // an operator of one tenant sees the same page, without the actions that cross tenants
        signIn("otto", "default", "operator");
        waitUntil(b -> !b.findElements(By.cssSelector("tr[data-projector='order-summary'] button.rebuild")).isEmpty());
        assertThat(ConsoleIT.<Boolean>read(b -> row("order-summary").findElement(By.cssSelector("button.rebuild")).isEnabled())).isFalse();
        assertThat(browser.findElement(By.id("who-name")).getText()).isEqualTo("otto");
    }

    @Test
    void a_failed_projection_is_retried_from_the_console_after_its_cause_is_fixed() throws Exception {
        String poisoned = api.post("/orders", "{\"order\":{\"customer_name\":\"POISON-" + UUID.randomUUID() + "\"}}")
                .text("order_id");
        signIn("ana", "default", PLATFORM);

        // the failure shows up, is retried on schedule and ends dead
        By errorRow = By.cssSelector("tr[data-error-id][data-stream='" + poisoned + "']");
        waitUntil(b -> b.findElements(errorRow).stream().anyMatch(r -> r.getText().contains("dead")), WITHIN);
        assertThat(browser.findElement(errorRow).getText()).contains("it-poison", "OrderCreated", "poisoned order");
        assertThat(PoisonLog.applied(poisoned)).isEmpty();
        Browser.screenshot(browser, "projection-errors");

        // the cause is fixed; the operator retries it from the console
        PoisonLog.cure(poisoned);
        click(errorRow, "button.retry");

        waitUntil(b -> b.findElements(errorRow).isEmpty());
        assertThat(PoisonLog.applied(poisoned)).containsExactly(1L);
        new Select(browser.findElement(By.id("error-filter"))).selectByValue("RESOLVED");
        waitUntil(b -> b.findElements(errorRow).stream().anyMatch(r -> r.getText().contains("resolved")
                && r.getText().contains("by ana")));

        // and the audit trail has the operator's action
        browser.findElement(By.cssSelector("#nav a[data-page='audit']")).click();
        waitUntil(b -> b.findElements(By.cssSelector("main tbody tr")).stream().anyMatch(r ->
                r.getText().contains("retryProjectionError") && r.getText().contains("ana")));
        Browser.screenshot(browser, "audit");
    }

    @Test
    void a_dead_letter_is_replayed_from_the_console_once_the_receiver_is_fixed() {
        String correlation = "console-" + UUID.randomUUID();
        WebhookStub webhook = ExternalSystems.webhook();
        webhook.fail(correlation, 422);
        String order;
        By letterRow;
        try {
            order = api.with("X-Correlation-ID", correlation).post("/orders", "{\"order\":{\"customer_name\":\"Dee\"}}")
                    .text("order_id");
            signIn("ana", "default", PLATFORM);
            browser.findElement(By.cssSelector("#nav a[data-page='publishing']")).click();

            // the webhook refused every delivery: the message is dead-lettered with the broker's details
            letterRow = By.cssSelector("tr[data-message-id][data-stream='" + order + "']");
            waitUntil(b -> !b.findElements(letterRow).isEmpty(), WITHIN);
            assertThat(browser.findElement(letterRow).getText()).contains("OrderCreated", "orderflow-webhook");
            assertThat(browser.findElement(By.id("outbox-backlog")).getText()).matches("\\d+");
            Browser.screenshot(browser, "publishing");
        } finally {
            webhook.heal(correlation);
        }

        // replayed from the console: the receiver gets it once, and the queue no longer has it
        click(letterRow, "button.replay");
        waitUntil(b -> b.findElements(letterRow).isEmpty());
        assertThat(Eventually.await(() -> webhook.acceptedFor(order), c -> !c.isEmpty(), WITHIN, "the replayed event"))
                .extracting(WebhookStub.Call::eventType).containsExactly("OrderCreated");
        assertThat(api.get("/ops/dead-letters").json().findValuesAsText("stream_id")).doesNotContain(order);
    }

    @Test
    void a_rebuild_started_in_the_console_shows_its_progress_until_it_is_done() {
        api.post("/orders", "{\"order\":{\"customer_name\":\"rebuilt\"}}");
        signIn("ana", "default", PLATFORM);
        waitUntil(b -> !b.findElements(By.cssSelector("tr[data-projector='order-summary'] button.rebuild")).isEmpty());

        JsonNode earlier = api.get("/ops/projections/order-summary/rebuilds").json();
        long previousJob = earlier.isEmpty() ? 0 : earlier.get(0).path("job_id").asLong();

        click(By.cssSelector("tr[data-projector='order-summary']"), "button.rebuild");
        click(By.cssSelector("dialog[open]"), "button[value='ok']");

        // the new job (not an earlier one still on the page) shows up and its bar runs to 100 %
        By jobState = By.cssSelector("tr[data-projector='order-summary'] .job-state");
        waitUntil(b -> jobShown(b, jobState) > previousJob);
        long job = jobShown(browser, jobState);
        waitUntil(b -> jobShown(b, jobState) == job
                && "done".equals(b.findElement(jobState).getAttribute("data-state"))
                && "100".equals(b.findElement(By.cssSelector("[data-progress='order-summary']")).getAttribute("aria-valuenow")),
                Duration.ofSeconds(180));
        Browser.screenshot(browser, "rebuild");

        JsonNode done = api.get("/ops/projections/order-summary/rebuilds/" + job).json();
        assertThat(done.path("state").asText()).isEqualTo("done");
        assertThat(done.path("events_done").asLong()).isEqualTo(done.path("events_total").asLong()).isPositive();
        assertThat(text(row("order-summary"), ".progress-label")).contains("done", "100.0 %");
    }

    @Test
    void a_stream_is_stepped_through_its_past_states_and_its_correlation_followed_across_streams() {
        String correlation = "console-" + UUID.randomUUID();
        Api client = api.with("X-Correlation-ID", correlation);
        String order = client.post("/orders", "{\"order\":{\"customer_name\":\"Explorer\"}}").text("order_id");
        client.post("/orders/" + order + "/add_item", ITEM);
        String other = client.post("/orders", "{\"order\":{\"customer_name\":\"Same request\"}}").text("order_id");

        signIn("ana", "default", PLATFORM);
        browser.findElement(By.cssSelector("#nav a[data-page='streams']")).click();
        browser.findElement(By.id("stream-id")).sendKeys(order);
        browser.findElement(By.id("open-stream")).click();

        // its events with their envelopes, and its current state
        waitUntil(b -> b.findElements(By.cssSelector("#stream-events tbody tr")).size() == 2);
        waitUntil(b -> b.findElement(By.id("stream-version")).getText().equals("version 2 of 2 (current)"));
        assertThat(browser.findElement(By.id("stream-state")).getText()).contains("\"item_count\": 1");
        assertThat(browser.findElement(By.cssSelector("#stream-events tbody")).getText()).contains("OrderCreated", "ItemAdded",
                correlation);

        // one step back in time: the order as it was at version 1
        browser.findElement(By.id("previous-version")).click();
        waitUntil(b -> b.findElement(By.id("stream-state")).getText().contains("\"version\": 1"));
        assertThat(browser.findElement(By.id("stream-state")).getText()).contains("\"item_count\": 0");
        assertThat(browser.findElement(By.id("version-slider")).getAttribute("value")).isEqualTo("1");
        Browser.screenshot(browser, "streams");

        // the correlation id leads to every stream the request touched, in log order
        browser.findElement(By.cssSelector("#stream-events a.correlation")).click();
        waitUntil(b -> b.findElements(By.cssSelector("#correlated-events tbody tr")).size() == 3);
        assertThat(browser.findElements(By.cssSelector("#correlated-events tbody tr")))
                .extracting(r -> r.getAttribute("data-stream")).containsExactly(order, order, other);
        Browser.screenshot(browser, "correlation");
    }

    @Test
    void the_watermark_page_names_the_session_that_holds_the_log_back() throws Exception {
        signIn("ana", "default", PLATFORM);
        browser.findElement(By.cssSelector("#nav a[data-page='watermark']")).click();
        waitUntil(b -> !b.findElements(By.id("safe-transaction")).isEmpty());

        try (Connection session = DriverManager.getConnection(System.getProperty("it.db.url"),
                System.getProperty("it.db.user", "postgres"), System.getProperty("it.db.password", ""));
             Statement s = session.createStatement()) {
            // a session opened a transaction, took an id and went idle; a command commits after it
            s.execute("SET application_name = 'console-it-forgotten-session'");
            session.setAutoCommit(false);
            try (ResultSet rs = s.executeQuery("SELECT pg_current_xact_id()")) {
                rs.next();
            }
            api.post("/orders", "{\"order\":{\"customer_name\":\"held back\"}}");

            waitUntil(b -> b.findElement(By.tagName("main")).getText().contains("console-it-forgotten-session"));
            assertThat(Long.parseLong(browser.findElement(By.id("unreadable-events")).getText())).isPositive();
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("idle in transaction");
            Browser.screenshot(browser, "watermark");
            session.rollback();
        }
        waitUntil(b -> !b.findElement(By.tagName("main")).getText().contains("console-it-forgotten-session"));
    }

    // ------------------------------------------------------------------ helpers

    /** Signs in through the development issuer's form, as a developer on a local server would. */
    private static void signIn(String subject, String tenant, String groups) {
        browser.get(CONSOLE + "#/projections");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();   // a new hash alone would not load the page again
        waitUntil(b -> !b.findElements(By.id("dev-sign-in")).isEmpty());
        fill("dev-sub", subject);
        fill("dev-tenant", tenant);
        fill("dev-groups", groups);
        browser.findElement(By.id("dev-sign-in")).click();
        waitUntil(b -> !b.findElements(By.id("who-name")).isEmpty() && subject.equals(b.findElement(By.id("who-name")).getText()));
    }

    /** The id of the rebuild job a row shows ("job 7: running"), 0 if none. */
    private static long jobShown(WebDriver b, By jobState) {
        List<WebElement> shown = b.findElements(jobState);
        if (shown.isEmpty()) {
            return 0;
        }
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("^job (\\d+):").matcher(shown.get(0).getText());
        return id.find() ? Long.parseLong(id.group(1)) : 0;
    }

    private static void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private static WebElement row(String projector) {
        return browser.findElement(By.cssSelector("tr[data-projector='" + projector + "']"));
    }

    private static String text(WebElement container, String css) {
        return container.findElement(By.cssSelector(css)).getText();
    }

    /** Clicks a button of a row; the page re-renders as it polls, so a row found stale is found again. */
    private static void click(By row, String button) {
        waitUntil(b -> {
            try {
                b.findElement(row).findElement(By.cssSelector(button)).click();
                return true;
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    /** Reads from the page; the page re-renders as it polls, so what went stale mid-read is read again. */
    private static <T> T read(Function<WebDriver, T> reading) {
        return new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class)
                .until(b -> java.util.Optional.of(reading.apply(b))).get();
    }

    private static void waitUntil(Function<WebDriver, Boolean> condition) {
        waitUntil(condition, Duration.ofSeconds(20));
    }

    private static void waitUntil(Function<WebDriver, Boolean> condition, Duration within) {
        new WebDriverWait(browser, within, Duration.ofMillis(200)).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }
}
