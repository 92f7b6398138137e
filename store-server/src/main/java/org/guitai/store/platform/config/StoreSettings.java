package org.guitai.store.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.guitai.kernel.money.CashRounding;
import org.guitai.kernel.security.Throttle;
import org.guitai.kernel.settings.SettingsReader;
import org.guitai.platform.config.Settings;

/**
 * Every setting of the store server, read once and checked at start-up. A bad or missing value
 * stops the deployment with a message naming the key, instead of failing later at the counter.
 * Keys map to environment variables the MicroProfile way ({@code guitai.hq.url} -> {@code GUITAI_HQ_URL}).
 */
@ApplicationScoped
public class StoreSettings extends Settings {

    private String storeId;
    private String storeName;
    private Currency currency;
    private ZoneId zone;
    private Optional<URI> hqUrl;
    private Optional<String> hqCredential;
    private Duration outboxInterval;
    private int outboxBatchSize;
    private Duration sessionIdle;
    private Duration sessionAbsolute;
    private List<BigDecimal> denominations;
    private Optional<Path> importDir;
    private boolean allowNegativeStock;
    private Throttle.Policy loginPolicy;
    private BigDecimal cashierDiscountLimit;
    private Duration approvalTtl;
    private RoundingMode rounding;
    private CashRounding cashRounding;
    private BigDecimal cashDifferenceLimit;
    private java.util.Set<String> movementsNeedingApproval;
    private String paymentGateway;
    private Duration simulatorDelay;
    private int changeOfMindDays;
    private BigDecimal secondApprovalAbove;
    private int refundWorkingDays;
    private java.util.Set<java.time.LocalDate> holidays;

    @Override
    protected void read(SettingsReader r) {
        storeId = r.required("guitai.store.id", v -> v.matches("[A-Z0-9]{1,16}"), "1 to 16 capital letters or digits");
        storeName = r.optional("guitai.store.name").orElse(storeId);
        currency = r.parsed("guitai.currency", "CNY", Currency::getInstance, "an ISO 4217 currency code");
        zone = r.parsed("guitai.timezone", "Asia/Shanghai", ZoneId::of, "a time-zone id such as Asia/Shanghai");
        hqUrl = r.optionalParsed("guitai.hq.url", SettingsReader::httpUrl, "an http(s) URL such as http://hq.example:8082");
        hqCredential = r.optional("guitai.hq.credential");
        if (hqUrl.isPresent() && hqCredential.isEmpty()) {
            r.problem("guitai.hq.credential", "is missing: required with guitai.hq.url (the store's credential at HQ)");
        }
        outboxInterval = Duration.ofMillis(r.number("guitai.outbox.interval-ms", 1000, 50, 3_600_000));
        outboxBatchSize = (int) r.number("guitai.outbox.batch-size", 100, 1, 1000);
        sessionIdle = Duration.ofMinutes(r.number("guitai.session.idle-minutes", 30, 1, 24 * 60));
        sessionAbsolute = Duration.ofHours(r.number("guitai.session.absolute-hours", 12, 1, 24 * 7));
        denominations = denominations(r, currency);
        importDir = r.optionalParsed("guitai.import-dir", SettingsReader::readableFolder,
                "an absolute path of a readable folder of master-data CSV files");
        templatesDir = r.optionalParsed("guitai.templates-dir", SettingsReader::readableFolder, "an absolute path of a readable folder of print templates");
        if (r.optional("guitai.sample-data").isPresent()) {
            r.problem("guitai.sample-data", "is no longer read: name the folder to import with guitai.import-dir (GUITAI_IMPORT_DIR)");
        }
        allowNegativeStock = r.parsed("guitai.stock.allow-negative", "false", SettingsReader::bool, "true or false");
        loginPolicy = Throttle.Policy.read(r);
        cashierDiscountLimit = r.parsed("guitai.discount.cashier-limit-percent", "10", StoreSettings::percent, "a percentage from 0 to 100");
        approvalTtl = Duration.ofMinutes(r.number("guitai.approval.minutes", 5, 1, 60));
        r.databaseUrl("guitai.db.url", "jdbc:mariadb://db.example:3306/guitai_s001");
        cashDifferenceLimit = r.parsed("guitai.cash.difference-limit", "20.00", StoreSettings::nonNegative, "an amount of 0 or more, such as 20.00");
        movementsNeedingApproval = r.parsed("guitai.cash.movements-needing-approval", "PAY_OUT", StoreSettings::movementTypes,
                "a comma-separated list of DROP, PAY_IN and PAY_OUT, or NONE");
        // off unless configured: a store takes no mobile payment until its provider's gateway is named (the demo names the simulator)
        paymentGateway = r.parsed("guitai.payment.gateway", NO_GATEWAY, StoreSettings::gatewayName,
                "none, or the name of a payment gateway of this server, such as simulator");
        simulatorDelay = Duration.ofMillis(r.number("guitai.payment.simulator.delay-ms", 3000, 0, 60_000));
        changeOfMindDays = (int) r.number("guitai.store.returns.change-of-mind-days", 7, 0, 365);
        secondApprovalAbove = r.parsed("guitai.store.returns.second-approval-above", "1000.00", StoreSettings::nonNegative,
                "an amount of 0 or more, such as 1000.00");
        refundWorkingDays = (int) r.number("guitai.store.returns.refund-working-days", 3, 1, 60);
        holidays = r.parsed("guitai.store.holidays", "", StoreSettings::dates, "a comma-separated list of ISO dates such as 2027-01-01,2027-02-17");
        rounding = r.parsed("guitai.rounding", "HALF_UP", StoreSettings::roundingMode, "HALF_UP, HALF_EVEN, DOWN or UP");
        BigDecimal smallest = denominations.get(denominations.size() - 1);
        cashRounding = new CashRounding(
                r.parsed("guitai.rounding.cash-unit", smallest.toPlainString(), StoreSettings::positive, "a positive amount such as 0.10"),
                r.parsed("guitai.rounding.cash", "DOWN", StoreSettings::roundingMode, "DOWN, HALF_UP, HALF_EVEN or UP"));
    }

    /** The notes and coins of common currencies, largest first; any other currency names its own. */
    private static final java.util.Map<String, String> DENOMINATIONS = java.util.Map.of(
            "CNY", "100,50,20,10,5,1,0.5,0.1",
            "HKD", "1000,500,100,50,20,10,5,2,1,0.5,0.2,0.1",
            "USD", "100,50,20,10,5,1,0.25,0.1,0.05,0.01",
            "EUR", "500,200,100,50,20,10,5,2,1,0.5,0.2,0.1,0.05,0.02,0.01");

    /**
     * The denominations the drawer holds: {@code guitai.cash.denominations.<currency>}, else
     * {@code guitai.cash.denominations}, else the currency's usual ones; each a whole number of the
     * currency's smallest unit.
     */
    private static List<BigDecimal> denominations(SettingsReader r, Currency currency) {
        String code = currency.getCurrencyCode();
        String key = r.optional("guitai.cash.denominations." + code).isPresent() ? "guitai.cash.denominations." + code : "guitai.cash.denominations";
        String fallback = DENOMINATIONS.get(code);
        if (fallback == null && r.optional(key).isEmpty()) {
            r.problem("guitai.cash.denominations." + code, "is missing: name the notes and coins of " + code + ", largest first");
            return List.of(BigDecimal.ONE);
        }
        List<BigDecimal> list = r.parsed(key, fallback, StoreSettings::denominationList, "a comma-separated list of positive amounts, largest first");
        if (list.stream().anyMatch(d -> d.stripTrailingZeros().scale() > currency.getDefaultFractionDigits())) {
            r.problem(key, "has amounts smaller than the smallest unit of " + code);
        }
        return list;
    }

    /** The rounding modes a price or a cash amount may use (UNNECESSARY would fail at the first discount). */
    static RoundingMode roundingMode(String value) {
        RoundingMode mode = RoundingMode.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        if (!java.util.EnumSet.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP).contains(mode)) {
            throw new IllegalArgumentException(value);
        }
        return mode;
    }

    static String gatewayName(String value) {
        String name = value.trim();
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException(value);
        }
        return name;
    }

    static BigDecimal positive(String value) {
        BigDecimal p = new BigDecimal(value);
        if (p.signum() <= 0) {
            throw new IllegalArgumentException(value);
        }
        return p;
    }

    static BigDecimal nonNegative(String value) {
        BigDecimal p = new BigDecimal(value.trim());
        if (p.signum() < 0) {
            throw new IllegalArgumentException(value);
        }
        return p;
    }

    static java.util.Set<java.time.LocalDate> dates(String value) {
        java.util.Set<java.time.LocalDate> days = new java.util.TreeSet<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                days.add(java.time.LocalDate.parse(part.trim()));
            }
        }
        return java.util.Set.copyOf(days);
    }

    /** A customer may return goods for a change of mind up to this many days after the day of the sale. */
    public int changeOfMindDays() {
        return changeOfMindDays;
    }

    /** A return worth more than this needs the approvals of two different managers. */
    public BigDecimal secondApprovalAbove() {
        return secondApprovalAbove;
    }

    /** Goods received back are refunded within this many working days. */
    public int refundWorkingDays() {
        return refundWorkingDays;
    }

    /** The store's holidays (not working days), besides Saturdays and Sundays. */
    public java.util.Set<java.time.LocalDate> holidays() {
        return holidays;
    }

    static java.util.Set<String> movementTypes(String value) {
        java.util.Set<String> types = new java.util.TreeSet<>();
        for (String part : value.split(",")) {
            String type = part.trim().toUpperCase(java.util.Locale.ROOT);
            if (type.equals("NONE") || type.isEmpty()) {
                continue;
            }
            if (!java.util.Set.of("DROP", "PAY_IN", "PAY_OUT").contains(type)) {
                throw new IllegalArgumentException(part);
            }
            types.add(type);
        }
        return java.util.Set.copyOf(types);
    }

    static BigDecimal percent(String value) {
        BigDecimal p = new BigDecimal(value);
        if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(value);
        }
        return p;
    }

    static List<BigDecimal> denominationList(String value) {
        List<BigDecimal> list = new ArrayList<>();
        for (String part : value.split(",")) {
            BigDecimal d = new BigDecimal(part.trim());
            if (d.signum() <= 0 || (!list.isEmpty() && d.compareTo(list.get(list.size() - 1)) >= 0)) {
                throw new IllegalArgumentException(part);
            }
            list.add(d);
        }
        return List.copyOf(list);
    }

    /** The value of {@code guitai.payment.gateway} that turns mobile payments off (the default). */
    public static final String NO_GATEWAY = "none";

    /** The payment gateway mobile payments are charged through ({@code guitai.payment.gateway}); {@value #NO_GATEWAY}, the default, takes none. */
    public String paymentGateway() {
        return paymentGateway;
    }

    /** How long the simulator takes to answer a payment code ending in 7: the customer confirming on the phone. */
    public Duration simulatorDelay() {
        return simulatorDelay;
    }

    public String storeId() {
        return storeId;
    }

    public String storeName() {
        return storeName;
    }

    public Currency currency() {
        return currency;
    }

    public ZoneId zone() {
        return zone;
    }

    public Optional<URI> hqUrl() {
        return hqUrl;
    }

    public Optional<String> hqCredential() {
        return hqCredential;
    }

    public Duration outboxInterval() {
        return outboxInterval;
    }

    public int outboxBatchSize() {
        return outboxBatchSize;
    }

    public Duration sessionIdle() {
        return sessionIdle;
    }

    public Duration sessionAbsolute() {
        return sessionAbsolute;
    }

    /** Cash denominations of the store's currency, largest first. */
    public List<BigDecimal> denominations() {
        return denominations;
    }

    /** Whether lines may sell more than the stock on hand (the count catches up later). */
    public boolean allowNegativeStock() {
        return allowNegativeStock;
    }

    /** How wrong PINs are throttled per staff code and terminal. */
    public Throttle.Policy loginPolicy() {
        return loginPolicy;
    }

    /** The largest discount (percent) given without a manager's approval. */
    public BigDecimal cashierDiscountLimit() {
        return cashierDiscountLimit;
    }

    /** How long a manager's approval stays usable. */
    public Duration approvalTtl() {
        return approvalTtl;
    }

    /** The one rounding rule of the store: discounted prices, fractional quantities, tax. */
    public RoundingMode rounding() {
        return rounding;
    }

    /** How a cash payment of all that is due is rounded to what the drawer's pieces can pay (抹零). */
    public CashRounding cashRounding() {
        return cashRounding;
    }

    /**
     * The folder of master-data CSV files imported at start (the demo names its sample folder); absent
     * unless the operator names one, and then nothing is imported.
     */
    /** The largest cash difference (either way) a shift may close with, without a manager's CASH_DIFFERENCE approval. */
    public BigDecimal cashDifferenceLimit() {
        return cashDifferenceLimit;
    }

    /** The cash movement types (DROP, PAY_IN, PAY_OUT) that use up a manager's CASH_MOVEMENT approval. */
    public java.util.Set<String> movementsNeedingApproval() {
        return movementsNeedingApproval;
    }

    public Optional<Path> importDir() {
        return importDir;
    }

    private Optional<Path> templatesDir;

    /** The folder whose print templates (slip.ftlh, ...) replace the built-in ones of the same name; absent: all built in. */
    public Optional<Path> templatesDir() {
        return templatesDir;
    }
}
