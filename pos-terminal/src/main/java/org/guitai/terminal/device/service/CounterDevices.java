package org.guitai.terminal.device.service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jpos.JposException;
import jpos.events.DataEvent;
import org.guitai.terminal.device.domain.DeviceUnavailableException;
import org.guitai.terminal.device.domain.DrawerOpenException;
import org.guitai.terminal.device.domain.Printout;
import org.guitai.terminal.display.service.CustomerDisplay;
import org.guitai.terminal.platform.config.TerminalSettings;

/**
 * What the counter's devices do as the sale moves: the drawer opens for cash taken and for an
 * approved no-sale, and while it stands open the next cash payment waits; the paid slip prints when
 * the sale is completed (or left waiting for its check to clear), the invoice when it is issued and
 * the return slip when a return is refunded (an exchange's once its new sale is completed),
 * through the spooler, so printing never holds up a sale; the line display shows what the customer
 * display shows. The store's answers are read as the gateway passes them ({@link #beforeStore},
 * {@link #afterStore}); a sale recorded by the terminal itself calls {@link #cashTaken()},
 * {@link #requireDrawerClosed()} and {@link #printReceipt} directly.
 */
@ApplicationScoped
public class CounterDevices {

    private static final Logger LOG = Logger.getLogger(CounterDevices.class.getName());
    private static final Pattern PAYMENTS = Pattern.compile("sales/([^/;]+)/payments");
    private static final Pattern COMPLETE = Pattern.compile("sales/([^/;]+)/complete");
    private static final Pattern INVOICE = Pattern.compile("sales/([^/;]+)/invoice");
    /** A return's refund: cash paid back comes out of the drawer as cash taken goes in. */
    private static final Pattern REFUND = Pattern.compile("returns/([^/;]+)/refund");
    private static final String NO_SALE = "drawer/no-sale";
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final int PAYMENTS_KEPT = 1_000;

    @Inject
    TerminalSettings settings;

    @Inject
    CustomerDisplay customerDisplay;

    @Resource
    ManagedThreadFactory threads;

    private JposDevices devices;
    private ReceiptSpooler spooler;
    private final ScanFeed scans = new ScanFeed(Clock.systemUTC());
    private HttpClient store;
    /** Cash payments that opened the drawer: a repeat of one is the same cash, not the next. */
    private final Set<String> cashPayments = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > PAYMENTS_KEPT;
        }
    }));

    /** Opens the devices as the terminal starts, before the first sale. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> "devices: " + devices.statuses());
    }

    @PostConstruct
    void open() {
        devices = JposDevices.open(settings.jposXml(), settings.dataDir(), () -> spooler.wake(), this::scanned);
        spooler = new ReceiptSpooler(devices::print, Optional.of(settings.dataDir().resolve("printer-spool")), threads, RETRY, Clock.systemUTC());
        store = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        follow(customerDisplay.current());
    }

    @PreDestroy
    void close() {
        spooler.close();
        devices.close();
    }

    // --- what the rest of the terminal calls --------------------------------------------------------

    /** Cash was taken (or a no-sale approved): the drawer opens. A counter without a drawer sells on. */
    public void cashTaken() {
        try {
            devices.openDrawer();
        } catch (JposException e) {
            LOG.warning(() -> "the drawer did not open: " + JposDevices.describe(e));
        }
    }

    /** @throws DrawerOpenException while the drawer stands open from the last cash */
    public void requireDrawerClosed() {
        boolean open;
        try {
            open = devices.drawerOpened();
        } catch (JposException e) {
            // no drawer to watch: the cashier's own eyes decide
            return;
        }
        if (open) {
            throw new DrawerOpenException(JposDevices.DRAWER);
        }
    }

    /** Prints a document the terminal made itself (a sale recorded offline); false when this key printed before. */
    public boolean printReceipt(String key, Printout printout) {
        return spooler.submit(key, printout.title(), () -> printout);
    }

    /** Prints a copy of a return's slip, as the store gives it again (marked 副本). */
    public void reprintReturnSlip(String returnId, String authorization) {
        spooler.submit("return-slip-copy:" + returnId + ":" + UUID.randomUUID(), "return slip copy " + returnId,
                () -> storePage("returns/" + encode(returnId) + "/slip?copy=true", true, authorization));
    }

    /** Prints a copy of a sale's paid slip, as the store gives it again (marked 副本). */
    public void reprintSlip(String saleId, String authorization) {
        spooler.submit("slip-copy:" + saleId + ":" + UUID.randomUUID(), "slip copy " + saleId,
                () -> storePage("sales/" + encode(saleId) + "/slip?copy=true", true, authorization));
    }

    // --- the store's answers, as the gateway passes them ------------------------------------------------

    /**
     * A call about to go to the store: a cash payment waits while the drawer is open (a repeat of
     * a payment whose cash is already in the drawer passes).
     *
     * @throws DrawerOpenException for a cash payment while the drawer is open
     */
    public void beforeStore(String method, String path, byte[] body) {
        if ("POST".equals(method) && (PAYMENTS.matcher(path).matches() || REFUND.matcher(path).matches())) {
            Optional<JsonObject> payment = json(body);
            if (payment.map(CounterDevices::isCash).orElse(false) && !cashPayments.contains(payment.get().getString("id", ""))) {
                requireDrawerClosed();
            }
        }
    }

    /** The store's answer to a call passed through: what it means for the drawer and the printer. Never fails the call. */
    public void afterStore(String method, String path, byte[] body, int status, byte[] answer, String authorization) {
        if (!"POST".equals(method) || status < 200 || status >= 300) {
            return;
        }
        try {
            Matcher payment = PAYMENTS.matcher(path);
            Matcher complete = COMPLETE.matcher(path);
            Matcher invoice = INVOICE.matcher(path);
            Matcher refund = REFUND.matcher(path);
            if (payment.matches()) {
                Optional<JsonObject> request = json(body);
                if (request.map(CounterDevices::isCash).orElse(false)) {
                    String id = request.get().getString("id", "");
                    if (id.isEmpty() || cashPayments.add(id)) {
                        cashTaken();
                    }
                }
                // a sale paid by check is done at the counter when the check is taken: it is never completed here
                String saleId = decode(payment.group(1));
                json(answer).map(a -> a.getJsonObject("sale")).filter(sale -> "AWAITING_CLEARANCE".equals(sale.getString("status", null))
                        && sale.getString("slipCode", null) != null).ifPresent(sale -> spooler.submit("slip:" + saleId, "slip " + sale.getString("slipCode"),
                        () -> storePage("sales/" + encode(saleId) + "/slip", false, authorization)));
            } else if (complete.matches()) {
                String saleId = decode(complete.group(1));
                spooler.submit("slip:" + saleId, slipName(answer, saleId),
                        () -> storePage("sales/" + encode(saleId) + "/slip", false, authorization));
                // the new sale of an exchange is done: the return its credit came from is refunded now, unless it still owes the rest
                json(answer).map(sale -> sale.getJsonArray("payments")).stream().flatMap(payments -> payments.getValuesAs(JsonObject.class).stream())
                        .filter(p -> "EXCHANGE".equals(p.getString("tender", null)) && p.getString("returnId", null) != null)
                        .map(p -> p.getString("returnId")).distinct()
                        .forEach(returnId -> printReturnSlip(returnId, "return slip of " + returnId, authorization));
            } else if (invoice.matches()) {
                json(answer).map(i -> i.getString("number", null)).ifPresent(number -> spooler.submit("invoice:" + number, "invoice " + number,
                        () -> storePage("invoices/" + encode(number) + "/print", false, authorization)));
            } else if (NO_SALE.equals(path)) {
                cashTaken();
            } else if (refund.matches()) {
                String returnId = decode(refund.group(1));
                Optional<JsonObject> refunded = json(answer);
                if (refunded.map(r -> "REFUNDED".equals(r.getString("status", null))).orElse(false)) {
                    printReturnSlip(returnId, "return slip " + refunded.get().getString("number", returnId), authorization);
                }
                Optional<JsonObject> request = json(body);
                if (request.map(CounterDevices::isCash).orElse(false)) {
                    String id = request.get().getString("id", "");
                    if (id.isEmpty() || cashPayments.add(id)) {
                        cashTaken();
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the devices could not follow " + method + " " + path, e);
        }
    }

    /**
     * The return slip (退货单), once the return is refunded: fetched when its turn comes, and given back
     * (not yet) while the return still owes the customer, for the refund that completes it to queue again.
     */
    private void printReturnSlip(String returnId, String what, String authorization) {
        spooler.submit("return-slip:" + returnId, what, () -> {
            String status = storeJson("returns/" + encode(returnId), authorization).getString("status", "");
            if (!"REFUNDED".equals(status)) {
                throw new ReceiptSpooler.NotYetException("return " + returnId + " is " + status);
            }
            return storePage("returns/" + encode(returnId) + "/slip", false, authorization);
        });
    }

    private static boolean isCash(JsonObject payment) {
        return "CASH".equals(payment.getString("tender", null)) || "CASH".equals(payment.getString("type", null));
    }

    private static String slipName(byte[] sale, String saleId) {
        return json(sale).map(s -> s.getString("slipCode", null)).map(code -> "slip " + code).orElse("slip of sale " + saleId);
    }

    /** A printable page of the store, with the caller's own authorization: a refusal ends the job, silence retries it. */
    private Printout storePage(String path, boolean copy, String authorization) throws IOException, ReceiptSpooler.RefusedException {
        return Printout.ofPage(storeGet(path, "text/html", authorization), copy);
    }

    /** A JSON object of the store, as {@link #storePage} reads a page. */
    private JsonObject storeJson(String path, String authorization) throws IOException, ReceiptSpooler.RefusedException {
        return json(storeGet(path, "application/json", authorization).getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new IOException("the store's answer to " + path + " is no JSON object"));
    }

    private String storeGet(String path, String accept, String authorization) throws IOException, ReceiptSpooler.RefusedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.storeUrl() + "/api/" + path))
                .timeout(settings.storeTimeout()).header("Accept", accept).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> page;
        try {
            page = store.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (page.statusCode() >= 500) {
            throw new IOException("the store answered " + page.statusCode());
        }
        if (page.statusCode() != 200) {
            throw new ReceiptSpooler.RefusedException(page.statusCode() + " " + page.body());
        }
        return page.body();
    }

    private static Optional<JsonObject> json(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? Optional.of(value.asJsonObject()) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    // --- the line display and the scanner ------------------------------------------------------------

    /** The line display shows the customer display's two lines, whenever the cashier's screen reports the sale. */
    void follow(@Observes CustomerDisplay.Current current) {
        try {
            devices.showLines(current.shown().lineDisplay());
        } catch (JposException e) {
            LOG.fine(() -> "the line display did not follow: " + JposDevices.describe(e));
        }
    }

    private void scanned(DataEvent event) {
        try {
            JposDevices.Scanned label = devices.scanned();
            if (!label.text().isEmpty()) {
                scans.add(label.text(), label.type());
            }
        } catch (JposException e) {
            LOG.warning(() -> "a scan could not be read: " + JposDevices.describe(e));
        } finally {
            try {
                devices.nextScan();
            } catch (JposException e) {
                LOG.fine(() -> "the scanner is closed: " + JposDevices.describe(e));
            }
        }
    }

    // --- what the screen shows, and the simulators' controls -----------------------------------------

    public JposDevices devices() {
        return devices;
    }

    public ReceiptSpooler.Status printing() {
        return spooler.status();
    }

    public ScanFeed scans() {
        return scans;
    }

    /**
     * A simulator's control (paper out, drawer pushed shut, a label scanned): what a person does to
     * a device. A printer that may print again is tried at once.
     *
     * @throws DeviceUnavailableException when the device is not open or is no simulator
     */
    public List<Object> simulate(String logicalName, int command, Object argument) {
        if (!devices.simulated(logicalName)) {
            // a vendor's service might give the same directIO number a meaning of its own
            throw new DeviceUnavailableException(logicalName, "is not one of the terminal's simulators: its controls are the device's own");
        }
        try {
            List<Object> out = devices.command(logicalName, command, argument);
            if (JposDevices.PRINTER.equals(logicalName)) {
                spooler.wake();
            }
            return out;
        } catch (JposException e) {
            throw new DeviceUnavailableException(logicalName, JposDevices.describe(e));
        }
    }
}
