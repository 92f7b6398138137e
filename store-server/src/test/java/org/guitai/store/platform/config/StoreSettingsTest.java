package org.guitai.store.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guitai.platform.testing.SettingsUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store refuses to start on a bad setting, naming the key; good settings are read as meant. */
class StoreSettingsTest {

    private static final Map<String, String> VALID = Map.of(
            "guitai.store.id", "S001",
            "guitai.db.url", "jdbc:mariadb://127.0.0.1:3306/guitai_s001");

    private static final SettingsUnderTest<StoreSettings> SETTINGS = new SettingsUnderTest<>(StoreSettings::new, VALID);

    @Test
    void defaultsServeAChineseStore() {
        StoreSettings settings = SETTINGS.read(Map.of());
        assertEquals("CNY", settings.currency().getCurrencyCode());
        assertEquals(List.of("100", "50", "20", "10", "5", "1", "0.5", "0.1"),
                settings.denominations().stream().map(BigDecimal::toPlainString).toList());
        assertEquals(RoundingMode.HALF_UP, settings.rounding());
        assertEquals(0, new BigDecimal("10").compareTo(settings.cashierDiscountLimit()));
    }

    @Test
    void mobilePaymentsAreOffUnlessAGatewayIsNamed() {
        assertEquals("none", SETTINGS.read(Map.of()).paymentGateway(), "a production start without the setting charges no one, not the simulator");
        assertEquals("simulator", SETTINGS.read(Map.of("guitai.payment.gateway", "simulator")).paymentGateway());
        assertEquals(java.time.Duration.ofSeconds(3), SETTINGS.read(Map.of()).simulatorDelay());
        assertTrue(SETTINGS.refusal(Map.of("guitai.payment.simulator.delay-ms", "-1")).contains("guitai.payment.simulator.delay-ms"));
    }

    @Test
    void returnsHaveAWindowAThresholdADeadlineAndTheStoresHolidays() {
        StoreSettings defaults = SETTINGS.read(Map.of());
        assertEquals(List.of(7, 3), List.of(defaults.changeOfMindDays(), defaults.refundWorkingDays()));
        assertEquals(0, new BigDecimal("1000.00").compareTo(defaults.secondApprovalAbove()));
        assertTrue(defaults.holidays().isEmpty());
        StoreSettings set = SETTINGS.read(Map.of("guitai.store.holidays", "2027-01-01, 2027-02-17", "guitai.store.returns.second-approval-above", "500"));
        assertEquals(java.util.Set.of(java.time.LocalDate.parse("2027-01-01"), java.time.LocalDate.parse("2027-02-17")), set.holidays());
        assertEquals(0, new BigDecimal("500").compareTo(set.secondApprovalAbove()));
        assertTrue(SETTINGS.refusal(Map.of("guitai.store.holidays", "2027-13-01")).contains("guitai.store.holidays"));
        assertTrue(SETTINGS.refusal(Map.of("guitai.store.returns.second-approval-above", "-1")).contains("guitai.store.returns.second-approval-above"));
        assertTrue(SETTINGS.refusal(Map.of("guitai.store.returns.refund-working-days", "0")).contains("guitai.store.returns.refund-working-days"));
    }

    @Test
    void denominationsFollowTheCurrency() {
        StoreSettings dollars = SETTINGS.read(Map.of("guitai.currency", "USD"));
        assertEquals(new BigDecimal("0.01"), last(dollars.denominations()));
        assertEquals(0, new BigDecimal("0.01").compareTo(dollars.cashRounding().unit()), "cash is rounded to the smallest coin");
        assertEquals(new BigDecimal("0.05"), last(SETTINGS.read(Map.of("guitai.currency", "CNY", "guitai.cash.denominations.CNY", "100,50,10,1,0.05")).denominations()));
        assertTrue(SETTINGS.refusal(Map.of("guitai.currency", "GBP")).contains("guitai.cash.denominations.GBP"), "a currency without known notes names the key to set");
        assertEquals(new BigDecimal("0.01"), last(SETTINGS.read(Map.of("guitai.currency", "GBP", "guitai.cash.denominations.GBP", "50,20,10,5,2,1,0.5,0.2,0.1,0.05,0.02,0.01")).denominations()));
        assertTrue(SETTINGS.refusal(Map.of("guitai.cash.denominations", "100,0.001")).contains("guitai.cash.denominations"));
        assertTrue(SETTINGS.refusal(Map.of("guitai.cash.denominations", "1,5,10")).contains("guitai.cash.denominations"), "largest first");
    }

    @Test
    void aBadValueNamesItsKey() {
        assertTrue(SETTINGS.refusal(Map.of("guitai.rounding", "UNNECESSARY")).contains("guitai.rounding"), "UNNECESSARY would fail at the first discount");
        assertTrue(SETTINGS.refusal(Map.of("guitai.rounding.cash", "CEILING")).contains("guitai.rounding.cash"));
        assertTrue(SETTINGS.refusal(Map.of("guitai.store.id", "")).contains("guitai.store.id"));
        assertTrue(SETTINGS.refusal(Map.of("guitai.login.lock-after", "2")).contains("guitai.login.lock-after"));
        assertTrue(SETTINGS.refusal(Map.of("guitai.hq.url", "http://hq:8082")).contains("guitai.hq.credential"), "an HQ needs the store's credential");
        assertTrue(SETTINGS.refusal(Map.of("guitai.discount.cashier-limit-percent", "120")).contains("guitai.discount.cashier-limit-percent"));
    }

    @Test
    void aTemplatesFolderIsAnAbsoluteReadableFolder(@TempDir Path folder) {
        assertEquals(Optional.empty(), SETTINGS.read(Map.of()).templatesDir(), "all built in");
        assertEquals(Optional.of(folder), SETTINGS.read(Map.of("guitai.templates-dir", folder.toString())).templatesDir());
        assertTrue(SETTINGS.refusal(Map.of("guitai.templates-dir", "templates")).contains("guitai.templates-dir is 'templates'"), "relative");
        assertTrue(SETTINGS.refusal(Map.of("guitai.templates-dir", folder.resolve("missing").toString())).contains("guitai.templates-dir"));
    }

    @Test
    void aBadDatabaseUrlStopsTheStartNamingItsKey() {
        assertTrue(SETTINGS.refusal(Map.of("guitai.db.url", "jdbc:postgresql://db/guitai_s001")).startsWith("guitai.db.url is missing or not a MariaDB"));
    }

    private static BigDecimal last(List<BigDecimal> list) {
        return list.get(list.size() - 1);
    }
}
