package org.guitai.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.guitai.kernel.testing.JsonHttp;
import org.guitai.kernel.testing.JsonHttp.Answer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How fast a scan reaches the cashier's screen (mvn -Pbench-scan -DskipTests verify -pl guitai-launcher -am):
 * the chain as ./guitai demo runs it, the cashier's screen in headless Chromium, C001 at T1.
 * <ol>
 * <li>In the browser, from Enter in the scan field to the line drawn, as the page measures it
 * ({@code performance.measure('scan')}, from the keystroke's event to the table redrawn with the
 * store's answer): -Dbench.scans (50) scans of different products after -Dbench.warmup (10).</li>
 * <li>In the same run, the store's own add-line ({@code POST /api/sales/{id}/lines}, over loopback from
 * this process), and the same through the terminal's gateway, as many times.</li>
 * <li>The terminal's resident memory (RSS) during the scans.</li>
 * </ol>
 * Before any of it, -Dbench.warm-calls (300) add-line calls through the terminal to a sale of their own
 * warm the terminal's and the store's code up, so that the figures are those of a counter that has
 * been selling for a while. Target: the browser's p95 at most 50 ms above the store's add-line p95.
 */
public final class ScanBenchmark {

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 10);
        int scans = Integer.getInteger("bench.scans", 50);
        Path home = Path.of(System.getProperty("guitai.test.target")).resolve("bench-scan");
        DatabaseServer database = StoreBenchmark.database(home);
        String prefix = "guitai_bench_scan_";
        database.dropDatabase(prefix + "hq");
        database.dropDatabase(prefix + "s001");
        Chain chain = Chain.prepare(new Chain.Layout(Distribution.located(), home, EmbeddedDatabase.freePort(), EmbeddedDatabase.freePort(),
                EmbeddedDatabase.freePort(), prefix), database, "bench-scan-credential-of-store-S001", System::getenv);
        List<String> barcodes = barcodes(chain.layout().config().resolve("store/sample/products.csv"));
        if (barcodes.size() < 3 * (warmup + scans)) {
            throw new IllegalStateException("the sample catalog has " + barcodes.size() + " products, fewer than three runs of distinct scans");
        }
        try {
            chain.start(Duration.ofMinutes(4));
            // a cashier scans all day: time the steady state, with the terminal's and the store's code paths compiled
            int warmCalls = Integer.getInteger("bench.warm-calls", 300);
            addLines(URI.create(chain.terminal().url() + "/api/store/"), "T2", cycle(barcodes, warmCalls), warmCalls);
            System.out.println("\n=== Guitai scan benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + ", " + warmCalls + " add-line calls through the terminal to warm up, "
                    + warmup + " warm-up scans, then " + scans + " measured");
            double[] browser;
            long rssBefore = rssKb(chain.terminal().pid());
            long rssMax;
            try (Chromium chromium = Chromium.start("ScanBenchmark")) {
                ChromeDriver page = chromium.driver();
                page.get(chain.terminal().url().toString());
                logIn(page);
                List<Double> timings = new ArrayList<>();
                rssMax = rssBefore;
                for (int i = 0; i < warmup + scans; i++) {
                    double ms = scan(page, barcodes.get(i));
                    if (i >= warmup) {
                        timings.add(ms);
                    }
                    rssMax = Math.max(rssMax, rssKb(chain.terminal().pid()));
                }
                browser = timings.stream().mapToDouble(Double::doubleValue).toArray();
            }
            double[] store = addLines(URI.create(chain.store().url() + "/api/"), "T1", barcodes.subList(warmup + scans, 2 * (warmup + scans)), warmup);
            double[] gateway = addLines(URI.create(chain.terminal().url() + "/api/store/"), "T1",
                    barcodes.subList(2 * (warmup + scans), 3 * (warmup + scans)), warmup);
            System.out.println();
            System.out.printf("browser, Enter to line drawn (ms): p50 %.1f, p95 %.1f, max %.1f%n", at(browser, 0.50), at(browser, 0.95), at(browser, 1));
            System.out.printf("store add-line, direct (ms):        p50 %.1f, p95 %.1f%n", at(store, 0.50), at(store, 0.95));
            System.out.printf("store add-line, via the terminal:   p50 %.1f, p95 %.1f%n", at(gateway, 0.50), at(gateway, 0.95));
            System.out.printf("browser p95 - store p95 = %.1f ms (target <= 50 ms)%n", at(browser, 0.95) - at(store, 0.95));
            System.out.printf("terminal RSS: %d MB before the scans, at most %d MB during them%n", rssBefore / 1024, rssMax / 1024);
        } finally {
            chain.stop();
            database.close();
        }
    }

    private static void logIn(ChromeDriver page) {
        WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("login-staff")).isDisplayed());
        page.findElement(By.id("login-staff")).sendKeys("C001", Keys.ENTER);
        wait.until(d -> "login-pin".equals(d.switchTo().activeElement().getAttribute("id")));
        page.switchTo().activeElement().sendKeys("2468", Keys.ENTER);
        wait.until(d -> d.findElement(By.id("sale-view")).isDisplayed() || d.findElement(By.id("shift-view")).isDisplayed());
        if (page.findElement(By.id("shift-view")).isDisplayed()) {
            wait.until(d -> "float-100".equals(d.switchTo().activeElement().getAttribute("id")));
            page.switchTo().activeElement().sendKeys("5", Keys.ENTER);
        }
        wait.until(d -> "scan".equals(d.switchTo().activeElement().getAttribute("id")));
    }

    /** One scan typed into the focused scan field with Enter; the page's own measure of it. */
    private static double scan(ChromeDriver page, String barcode) {
        JavascriptExecutor js = page;
        long before = ((Number) js.executeScript("return performance.getEntriesByName('scan').length")).longValue();
        page.findElement(By.id("scan")).sendKeys(barcode, Keys.ENTER);
        new WebDriverWait(page, Duration.ofSeconds(30)).withMessage("the line of " + barcode).until(d -> {
            if (!d.findElement(By.id("scan-error")).getText().isBlank()) {
                throw new IllegalStateException("the scan of " + barcode + " was refused: " + d.findElement(By.id("scan-error")).getText());
            }
            return ((Number) js.executeScript("return performance.getEntriesByName('scan').length")).longValue() > before;
        });
        return ((Number) js.executeScript("const s = performance.getEntriesByName('scan'); return s[s.length - 1].duration")).doubleValue();
    }

    /** Adds each product to one new sale at the terminal as C001 (opening its shift if need be), timing each call after the first warmup ones. */
    private static double[] addLines(URI api, String terminal, List<String> barcodes, int warmup) {
        JsonHttp anonymous = new JsonHttp(api);
        Answer login = anonymous.post("sessions", "{\"terminalId\":\"" + terminal + "\",\"staffCode\":\"C001\",\"pin\":\"2468\"}");
        require(201, login);
        JsonHttp cashier = anonymous.as(login.json().getString("token"));
        Answer open = cashier.get("shifts?status=OPEN&terminalId=" + terminal);
        require(200, open);
        if (open.array().isEmpty()) {
            require(201, cashier.post("shifts", "{\"id\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"" + terminal
                    + "\",\"float\":[{\"denomination\":\"100\",\"count\":5}]}"));
        }
        String sale = UUID.randomUUID().toString();
        require(201, cashier.post("sales", "{\"id\":\"" + sale + "\",\"terminalId\":\"" + terminal + "\"}"));
        List<Double> timings = new ArrayList<>();
        for (int i = 0; i < barcodes.size(); i++) {
            long start = System.nanoTime();
            require(201, cashier.post("sales/" + sale + "/lines",
                    "{\"id\":\"" + UUID.randomUUID() + "\",\"barcode\":\"" + barcodes.get(i) + "\",\"quantity\":\"1\"}"));
            if (i >= warmup) {
                timings.add((System.nanoTime() - start) / 1e6);
            }
        }
        return timings.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The barcodes one after another, from the first again when they run out, n in all. */
    private static List<String> cycle(List<String> barcodes, int n) {
        List<String> cycled = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cycled.add(barcodes.get(i % barcodes.size()));
        }
        return cycled;
    }

    private static void require(int status, Answer answer) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + answer);
        }
    }

    private static List<String> barcodes(Path products) throws Exception {
        return Files.readAllLines(products).stream().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("sku,"))
                .map(l -> l.split(",")[1]).toList();
    }

    /** The nearest-rank quantile q (0 < q <= 1). */
    static double at(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }

    static long rssKb(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
    }
}
