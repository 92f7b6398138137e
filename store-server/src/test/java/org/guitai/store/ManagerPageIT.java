package org.guitai.store;

import static org.guitai.store.Shop.RICE_COOKER;
import static org.guitai.store.Shop.addLine;
import static org.guitai.store.Shop.cash;
import static org.guitai.store.Shop.count;
import static org.guitai.store.Shop.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.guitai.kernel.testing.JsonHttp;
import org.guitai.platform.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.Color;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The store manager's page in a real browser (Debian's Chromium, headless) against the store
 * server and MariaDB: a cashier's shift, set up over the API, is closed by the manager at BO1 with
 * a count beyond the limit, which asks for a manager's approval in the page; the Z report shows the
 * count, the difference and its grade; the day's report draws its hour chart with Chart.js from the
 * WAR's WebJar; the language switches. One browser for the class.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ManagerPageIT {

    private static final ZoneId STORE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "manager-page");
    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private static StandInHq hq;
    private static ChromeDriver browser;
    private static Path profile;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive storeServer() {
        return Deployments.builtWar("store-server.war");
    }

    @BeforeAll
    static void start() throws IOException, SQLException {
        hq = StandInHq.start();
        Shop.execute("update stock set on_hand = 10000 where sku = 'E00002'");
        // a missing browser fails the suite: a skipped browser test would hide a page that no longer works
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "ManagerPageIT needs " + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver fonts-wqy-microhei");
        profile = Files.createTempDirectory("manager-page-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,768", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        // the driver named here: Selenium Manager is not asked (it would go to the network)
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (hq != null) {
                hq.close();
            }
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** Whatever the page did, it threw no error of its own (failed requests it answered, such as the 403 asking for an approval, are not errors). */
    @AfterEach
    void thePageThrewNothing() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue() && !entry.getMessage().contains("Failed to load resource")) {
                errors.add(entry.getMessage());
            }
        }
        assertEquals(List.of(), errors, "errors in the page's console");
    }

    // --- the scenario ------------------------------------------------------------------------------

    @Test
    void theManagerClosesAShiftWhoseCountIsShortWithAnApprovalAndReadsTheDay() throws SQLException, IOException {
        Shop shop = new Shop(base);
        String today = LocalDate.now(STORE_ZONE).toString();
        JsonHttp manager = shop.login("M001", "1357", "BO1");

        // a cashier of the test's own (a first violation of the year is graded on its amount alone) at a counter of its own:
        // float 500.00, one rice cooker of 279.00 paid with three 100s -> 21.00 change; the drawer should hold 779.00
        String terminal = newTerminal();
        String cashierCode = newCashier();
        JsonHttp cashier = shop.login(cashierCode, "2468", terminal);
        String shiftId = UUID.randomUUID().toString();
        expect(201, cashier.post("shifts", "{\"id\":\"" + shiftId + "\",\"terminalId\":\"" + terminal + "\",\"float\":[{\"denomination\":\"100\",\"count\":5}]}"));
        JsonArray hoursBefore = daily(manager, today).getJsonArray("byHour");
        int hourBefore = ZonedDateTime.now(STORE_ZONE).getHour();
        String saleId = UUID.randomUUID().toString();
        expect(201, cashier.post("sales", "{\"id\":\"" + saleId + "\",\"terminalId\":\"" + terminal + "\"}"));
        expect(201, addLine(cashier, saleId, RICE_COOKER, "1"));
        expect(200, cashier.post("sales/" + saleId + "/confirm"));
        JsonObject paid = expect(201, cashier.post("sales/" + saleId + "/payments", cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]"))).json();
        assertEquals("21.00", paid.getJsonObject("payment").getString("change"), paid::toString);
        int hourAfter = ZonedDateTime.now(STORE_ZONE).getHour();
        int saleHour = hourOfTheSale(hoursBefore, daily(manager, today).getJsonArray("byHour"), new BigDecimal("279.00"));
        assertTrue(saleHour == hourBefore || saleHour == hourAfter, () -> "the sale is counted in hour " + saleHour + ", made between " + hourBefore
                + " and " + hourAfter + " o'clock store time");

        // the manager at BO1: log in, open the shifts, close the cashier's shift with 724.00 counted (100 x 7, 20 x 1, 1 x 4)
        openPage();
        logIn("M001", "1357");
        click("nav-shifts");
        click("close-shift-" + shiftId);
        WebElement closeForm = visible("close-panel");
        assertFalse(showsExpectedCash(closeForm), () -> "the count is blind, yet the form shows the expected cash: " + closeForm.getText());
        type("count-100", "7");
        type("count-20", "1");
        type("count-1", "4");
        assertEquals("¥724.00", text("count-total"));
        screenshot("blind-count");
        click("close-submit");

        // 55.00 short is beyond the 20.00 the store allows: the page asks for a manager's approval
        WebElement dialog = visible("approval-dialog");
        assertTrue(text("approval-reason").contains("20.00"), () -> "the store's reason is shown: " + dialog.getText());
        assertFalse(showsExpectedCash(dialog), "the approval dialog does not give the expected cash away either");
        screenshot("approval-dialog");
        type("approval-staff", "M001");
        type("approval-pin", "1357");
        click("approval-submit");

        // the Z report
        until(ExpectedConditions.textToBe(By.id("sr-countedCash"), "¥724.00"));
        assertEquals("Z", browser.findElement(By.id("shift-report")).getDomAttribute("data-kind"));
        assertEquals("¥779.00", text("sr-expectedCash"));
        assertEquals("-¥55.00", text("sr-difference"));
        assertEquals("一级差错", text("sr-errorLevel"));
        assertEquals("LEVEL_1", browser.findElement(By.id("sr-errorLevel")).getDomAttribute("data-level"));
        assertEquals("¥500.00", text("sr-float"));
        assertEquals("¥300.00", text("sr-received"));
        assertEquals("¥21.00", text("sr-change"));
        assertEquals("1", text("sr-sales-count"));
        assertEquals("¥279.00", text("sr-sales"));
        assertFalse(browser.findElement(By.id("approval-dialog")).isDisplayed(), "the dialog is gone once the approval is given");
        screenshot("z-report");

        // over the API: closed with that count, that difference, that grade, accepted by M001 at BO1
        JsonObject shift = expect(200, manager.get("shifts/" + shiftId)).json();
        assertEquals("CLOSED", shift.getString("status"), shift::toString);
        JsonObject z = expect(200, manager.get("shifts/" + shiftId + "/report")).json();
        assertEquals("724.00", z.getString("countedCash"), z::toString);
        assertEquals("779.00", z.getString("expectedCash"));
        assertEquals("-55.00", z.getString("difference"));
        assertEquals("LEVEL_1", z.getString("errorLevel"));
        assertEquals("M001", z.getString("approvedBy"));
        assertEquals("M001", z.getString("closedBy"));
        assertEquals(1, count("select count(*) from cash_violation where shift_id = ? and staff_code = ? and error_level = 'LEVEL_1'", shiftId, cashierCode));
        JsonObject approval = expect(200, manager.get("approvals?date=" + today)).array().getValuesAs(JsonObject.class).stream()
                .filter(a -> shiftId.equals(a.getString("shiftId", null))).findFirst().orElseThrow(() -> new AssertionError("no approval for the shift"));
        assertEquals("CASH_DIFFERENCE", approval.getString("action"));
        assertEquals("BO1", approval.getString("terminalId"), "the page's approvals are bound to its terminal");
        assertNotNull(approval.getString("usedAt", null), approval::toString);

        // the day's report: the hour chart holds the hour's sales, the page the day's total
        click("nav-reports");
        Object drawn = until(d -> browser.executeScript(
                "const c = window.Chart && Chart.getChart(document.getElementById('chart-time'));"
                        + "return c && c.data.datasets[0].data.length === 24 ? c.data.datasets[0].data.length : null;"));
        assertEquals(24L, ((Number) drawn).longValue());
        JsonObject day = daily(manager, today);
        String hourTotal = day.getJsonArray("byHour").getJsonObject(saleHour).getString("total");
        String charted = (String) browser.executeScript("return String(Chart.getChart(document.getElementById('chart-time')).data.datasets[0].data[arguments[0]]);",
                saleHour);
        assertEquals(0, new BigDecimal(charted).compareTo(new BigDecimal(hourTotal)), () -> "hour " + saleHour + ": charted " + charted + ", the day's report "
                + hourTotal);
        assertTrue(new BigDecimal(hourTotal).compareTo(new BigDecimal("279.00")) >= 0, hourTotal);
        until(ExpectedConditions.textToBe(By.id("report-total"), yuan(new BigDecimal(day.getString("total")))));
        assertEquals(String.valueOf(day.getInt("transactions")), text("report-transactions"));
        screenshot("daily-report");
    }

    @Test
    void theLanguageSwitchesFromChineseToEnglish() throws IOException {
        openPage();
        assertEquals("店长登录", text("login-title"));
        logIn("M001", "1357");
        assertEquals("审批与支票", text("approvals-title"));
        assertEquals("销售报表", browser.findElement(By.id("nav-reports")).getText());
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        until(ExpectedConditions.textToBe(By.id("approvals-title"), "Approvals and checks"));
        assertEquals("Reports", browser.findElement(By.id("nav-reports")).getText());
        assertEquals("en", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        screenshot("english");
        new Select(browser.findElement(By.id("lang"))).selectByValue("zh-CN");
        until(ExpectedConditions.textToBe(By.id("approvals-title"), "审批与支票"));
    }

    @Test
    void aPayOutFromAnOpenShiftAsksForAManagersApprovalToo() throws SQLException {
        Shop shop = new Shop(base);
        String terminal = newTerminal();
        JsonHttp cashier = shop.login(newCashier(), "2468", terminal);
        String shiftId = UUID.randomUUID().toString();
        expect(201, cashier.post("shifts", "{\"id\":\"" + shiftId + "\",\"terminalId\":\"" + terminal + "\",\"float\":[{\"denomination\":\"100\",\"count\":5}]}"));

        openPage();
        logIn("M001", "1357");
        click("nav-shifts");
        click("movement-" + shiftId);
        new Select(visible("movement-type")).selectByValue("PAY_OUT");
        type("movement-amount", "12.5");
        type("movement-reason", "快递费");
        click("movement-submit");
        visible("approval-dialog");
        assertEquals("现金调拨", text("approval-action"));
        type("approval-pin", "1357");
        click("approval-submit");
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("movements-table"), "快递费"));
        assertTrue(text("movements-table").contains("¥12.50"), () -> text("movements-table"));

        JsonObject movement = expect(200, cashier.get("shifts/" + shiftId + "/cash-movements")).array().getJsonObject(0);
        assertEquals("PAY_OUT", movement.getString("type"));
        assertEquals("12.50", movement.getString("amount"));
        assertEquals("M001", movement.getString("approvedBy"), movement::toString);
        assertEquals("487.50", expect(200, cashier.get("shifts/" + shiftId + "/report")).json().getString("expectedCash"));
    }

    @Test
    void theManagerRecordsACheckAsClearedFromTheQueue() throws SQLException {
        Shop shop = new Shop(base);
        String terminal = newTerminal();
        JsonHttp cashier = shop.login(newCashier(), "2468", terminal);
        expect(201, cashier.post("shifts", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"" + terminal + "\",\"float\":[]}"));
        String saleId = UUID.randomUUID().toString();
        expect(201, cashier.post("sales", "{\"id\":\"" + saleId + "\",\"terminalId\":\"" + terminal + "\"}"));
        expect(201, addLine(cashier, saleId, RICE_COOKER, "1"));
        expect(200, cashier.post("sales/" + saleId + "/confirm"));
        String paymentId = UUID.randomUUID().toString();
        expect(201, cashier.post("sales/" + saleId + "/payments", Shop.check(paymentId, "279.00", "MP7001", "招商银行")));

        openPage();
        logIn("M001", "1357");
        WebElement row = visible("check-cleared-" + paymentId).findElement(By.xpath("./ancestor::tr"));
        assertTrue(row.getText().contains("MP7001") && row.getText().contains("¥279.00"), row::getText);
        click("check-cleared-" + paymentId);
        visible("confirm-dialog");
        assertTrue(text("confirm-text").contains("MP7001"), () -> text("confirm-text"));
        click("confirm-yes");
        until(ExpectedConditions.invisibilityOfElementLocated(By.id("check-cleared-" + paymentId)));

        JsonHttp manager = shop.login("M001", "1357", "BO1");
        assertTrue(expect(200, manager.get("checks?status=PENDING")).array().getValuesAs(JsonObject.class).stream()
                .noneMatch(c -> c.getString("paymentId").equals(paymentId)), "the check has left the queue");
        assertEquals("PAID", expect(200, manager.get("sales/" + saleId)).json().getString("status"), "the goods may go: the funds are there");
    }

    @Test
    void theManagerSetsTheMonthsTargetAndSplitsItAndTheStoreRefusesASplitThatDoesNotAddUp() {
        String month = java.time.YearMonth.now(STORE_ZONE).plusYears(7).toString();
        openPage();
        logIn("M001", "1357");
        click("nav-targets");
        browser.executeScript("const m = document.getElementById('target-month'); m.value = arguments[0]; m.dispatchEvent(new Event('change'));", month);
        until(ExpectedConditions.textToBe(By.id("target-current"), "未设定"));
        type("target-amount", "300000");
        click("target-save");
        until(ExpectedConditions.textToBe(By.id("target-current"), "¥300,000.00"));
        click("split-even");
        assertEquals("¥300,000.00", text("split-sum"));
        click("split-save");
        until(ExpectedConditions.textToBe(By.id("message-text"), month + " 目标分解已保存"));

        JsonHttp manager = new Shop(base).login("M001", "1357", "BO1");
        JsonObject board = expect(200, manager.get("targets/" + month)).json();
        BigDecimal shared = board.getJsonArray("staff").getValuesAs(JsonObject.class).stream().filter(s -> s.containsKey("target"))
                .map(s -> new BigDecimal(s.getString("target")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, shared.compareTo(new BigDecimal("300000.00")), board::toString);

        // one share too many yuan: the store's own reason is shown and the split stays as it was
        WebElement first = browser.findElements(By.cssSelector("#split-table .split-input")).get(0);
        String before = first.getDomProperty("value");
        first.clear();
        first.sendKeys(new BigDecimal(before).add(BigDecimal.ONE).toPlainString());
        click("split-save");
        until(ExpectedConditions.visibilityOfElementLocated(By.id("split-error")));
        assertTrue(text("split-error").contains("add up to"), () -> text("split-error"));
        assertEquals(board, expect(200, manager.get("targets/" + month)).json());
    }

    /**
     * A return received long ago and not refunded is past its refund deadline (3 working days after
     * receipt): the returns card lists it among the overdue, in red, with its deadline, and among the
     * returns under way.
     */
    @Test
    void theReturnsCardListsAReturnPastItsRefundDeadlineInRed() throws SQLException, IOException {
        Shop shop = new Shop(base);
        String terminal = newTerminal();
        JsonHttp cashier = shop.login(newCashier(), "2468", terminal);
        expect(201, cashier.post("shifts", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"" + terminal + "\",\"float\":[]}"));
        String saleId = UUID.randomUUID().toString();
        expect(201, cashier.post("sales", "{\"id\":\"" + saleId + "\",\"terminalId\":\"" + terminal + "\"}"));
        JsonObject sale = expect(201, addLine(cashier, saleId, RICE_COOKER, "1")).json();
        String lineId = sale.getJsonArray("lines").getJsonObject(0).getString("id");
        expect(200, cashier.post("sales/" + saleId + "/confirm"));
        expect(201, cashier.post("sales/" + saleId + "/payments", cash("279.00", "[{\"denomination\":\"100\",\"count\":3}]")));
        expect(200, cashier.post("sales/" + saleId + "/complete"));

        // the return: requested, approved by M001 in place, received; never refunded
        String returnId = UUID.randomUUID().toString();
        expect(201, cashier.post("returns", "{\"id\":\"" + returnId + "\",\"saleId\":\"" + saleId + "\",\"lines\":[{\"saleLineId\":\"" + lineId
                + "\",\"quantity\":\"1\"}],\"reason\":\"QUALITY\"}"));
        String approvalId = expect(201, cashier.post("approvals", "{\"staffCode\":\"M001\",\"pin\":\"1357\",\"action\":\"RETURN\",\"returnId\":\""
                + returnId + "\"}")).json().getString("approvalId");
        assertEquals("APPROVED", expect(200, cashier.post("returns/" + returnId + "/approve", "{\"approvalId\":\"" + approvalId + "\"}")).json()
                .getString("status"));
        expect(200, cashier.post("returns/" + returnId + "/receive", "{\"lines\":[{\"saleLineId\":\"" + lineId
                + "\",\"quantity\":\"1\",\"disposition\":\"RESTOCK\"}]}"));
        // received a month ago: long past the deadline
        Shop.execute("update sale_return set received_at = utc_timestamp(6) - interval 30 day where id = ?", returnId);
        JsonHttp manager = shop.login("M001", "1357", "BO1");
        JsonObject overdue = expect(200, manager.get("returns?overdue=true")).array().getValuesAs(JsonObject.class).stream()
                .filter(r -> returnId.equals(r.getString("id"))).findFirst().orElseThrow(() -> new AssertionError("the store does not call it overdue"));
        assertTrue(overdue.getBoolean("overdue"), overdue::toString);

        openPage();
        logIn("M001", "1357");
        WebElement row = visible("overdue-return-" + returnId);
        assertTrue(row.getDomAttribute("class").contains("overdue"), "flagged red");
        assertEquals("#b91c1c", Color.fromString(row.findElement(By.tagName("td")).getCssValue("color")).asHex(), "flagged red");
        assertTrue(row.getText().contains(String.valueOf(overdue.get("number")).replace("\"", "")), row::getText);
        assertTrue(row.getText().contains(overdue.getString("refundDeadline")), () -> "the deadline shown: " + row.getText());
        assertTrue(row.getText().contains("¥279.00"), row::getText);
        assertTrue(row.getText().contains("待退款"), () -> "received, to refund: " + row.getText());
        assertTrue(visible("returns-overdue-count").getText().contains("逾期"), () -> text("returns-overdue-count"));
        WebElement underWay = visible("return-" + returnId);
        assertTrue(underWay.getDomAttribute("class").contains("overdue") && underWay.getText().contains("质量问题"), underWay::getText);
        screenshot("returns-overdue");
    }

    /** Each section loads what it shows without a problem, in both languages. */
    @Test
    void everySectionLoadsWithoutAProblem() throws IOException {
        openPage();
        logIn("M001", "1357");
        for (String lang : List.of("zh-CN", "en")) {
            new Select(browser.findElement(By.id("lang"))).selectByValue(lang);
            until(d -> lang.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
            for (String section : List.of("approvals", "shifts", "reports", "targets", "audit")) {
                click("nav-" + section);
                visible(section + "-title");
                until(d -> !d.findElements(By.cssSelector("#section-" + section + " table.data tbody tr")).isEmpty());
                WebElement message = browser.findElement(By.id("message"));
                assertFalse(message.isDisplayed() && message.getDomAttribute("class").contains("error"), () -> section + ": " + message.getText());
                screenshot(section + "-" + lang);
            }
        }
    }

    /** The page's chart library is the WebJar in the WAR, at the address index.html names. */
    @Test
    void chartJsIsServedFromTheWarsWebJar() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI page = URI.create(base.toString());
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, index.statusCode());
        Matcher script = Pattern.compile("src=\"(webjars/chart\\.js/4\\.5\\.1/dist/chart\\.umd\\.min\\.js)\"").matcher(index.body());
        assertTrue(script.find(), "index.html loads Chart.js from the WebJar by a relative address");
        HttpResponse<String> chartJs = http.send(HttpRequest.newBuilder(page.resolve(script.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, chartJs.statusCode(), page.resolve(script.group(1))::toString);
        assertTrue(chartJs.headers().firstValue("Content-Type").orElse("").contains("javascript"), chartJs.headers()::toString);
        assertTrue(chartJs.body().contains("Chart.js v4.5.1"), "the library of the version in the pom");
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** A counter of the test's own. */
    private static String newTerminal() throws SQLException {
        String id = "MP" + NEXT.getAndIncrement() + "-" + UUID.randomUUID().toString().substring(0, 4);
        Shop.execute("insert into terminal (id, name, enrolled_at) values (?, 'manager page test counter', utc_timestamp(6))", id);
        return id;
    }

    /** A cashier of the test's own (PIN 2468, as C001's), whose record of violations is the test's alone. */
    private static String newCashier() throws SQLException {
        String code = "MP" + NEXT.getAndIncrement() + UUID.randomUUID().toString().substring(0, 3).toUpperCase(Locale.ROOT);
        Shop.execute("insert into staff (code, name, roles, pin_hash, active, created_at) select ?, '测试收银', 'CASHIER', pin_hash, true, utc_timestamp(6) "
                + "from staff where code = 'C001'", code);
        return code;
    }

    private static JsonObject daily(JsonHttp manager, String date) {
        return expect(200, manager.get("reports/daily?date=" + date)).json();
    }

    /** The one hour whose sales grew between the two reports, by exactly the sale's amount. */
    private static int hourOfTheSale(JsonArray before, JsonArray after, BigDecimal amount) {
        List<Integer> grew = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            BigDecimal growth = new BigDecimal(after.getJsonObject(h).getString("total")).subtract(new BigDecimal(before.getJsonObject(h).getString("total")));
            if (growth.signum() != 0) {
                assertEquals(0, growth.compareTo(amount), "hour " + h + " grew by " + growth);
                grew.add(h);
            }
        }
        assertEquals(1, grew.size(), () -> "the sale lies in one hour: " + grew);
        return grew.get(0);
    }

    /** 779.00 in any form the page could write it (a terminal's id may hold the digits 779). */
    private static boolean showsExpectedCash(WebElement element) {
        return element.getText().contains("779.00") || element.getText().contains("¥779");
    }

    /** ¥ with thousands separators and two decimals, as the page shows money. */
    private static String yuan(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return (amount.signum() < 0 ? "-¥" : "¥") + format.format(amount.abs());
    }

    /** The page afresh: no session and no language kept from an earlier test. */
    private void openPage() {
        browser.get(base.toString());
        browser.executeScript("sessionStorage.clear(); localStorage.clear();");
        browser.navigate().refresh();
        until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private void logIn(String staff, String pin) {
        assertEquals("BO1", browser.findElement(By.id("login-terminal")).getDomProperty("value"), "the back office's terminal by default");
        type("login-staff", staff);
        type("login-pin", pin);
        click("login-submit");
        visible("app");
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("who-name"), staff));
    }

    private static <T> T until(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).until(condition);
    }

    private static WebElement visible(String id) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private static void click(String id) {
        until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private static void type(String id, String text) {
        WebElement field = visible(id);
        field.clear();
        field.sendKeys(text);
    }

    private static String text(String id) {
        return visible(id).getText().trim();
    }

    /** Kept in target/manager-page for a person to look at. */
    private static void screenshot(String name) throws IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
