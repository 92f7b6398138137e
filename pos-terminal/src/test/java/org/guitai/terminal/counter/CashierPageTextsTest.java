package org.guitai.terminal.counter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.guitai.platform.testing.PageTexts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cashier page's texts: both message bundles hold the same keys with a text each; every key
 * the page asks for (index.html, its scripts) is in both; every value the store sends that the
 * page names through a key (sale states, tenders, approval actions, problem types) has its text;
 * and index.html holds no text of its own.
 */
class CashierPageTextsTest {

    /** The store's sources, beside this module: the problem types it answers are read from there. */
    private static final List<Path> STORE_SOURCES = List.of(Path.of("../store-server/src/main/java"), Path.of("../pos-platform/src/main/java"),
            Path.of("../pos-kernel/src/main/java"), Path.of("src/main/java"));
    /** a refusal's slug where it is thrown: super("slug", 409, "Title" or new XxxException("slug", "Title" */
    private static final Pattern PROBLEM_SLUG = Pattern.compile("(?<!\\.add)(?<!getString)\\(\\s*\"([a-z]+(?:-[a-z]+)*)\"\\s*,\\s*(?:\\d{3}\\s*,\\s*)?\"[A-Z]");

    private static PageTexts page;

    @BeforeAll
    static void read() throws IOException {
        page = PageTexts.read(Path.of("src/main/webapp"));
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        page.assertBothBundlesHaveTheSameKeys();
    }

    @Test
    void everyTextIsANonEmptyString() {
        page.assertEveryTextIsANonEmptyString();
    }

    @Test
    void everyKeyOfThePageIsInBothBundles() {
        Set<String> used = page.keysAskedFor();
        assertTrue(used.size() > 100, () -> "the page asks for its texts by key: found only " + used);
        assertTrue(used.contains("cash.amountDue") && used.contains("login.staff"), used::toString);
        page.assertKnown(used, "used by the page");
    }

    @Test
    void keysHandedToTLaterAreInBothBundlesToo() {
        Set<String> literals = page.keysNamedInScripts();
        assertTrue(literals.contains("what.confirm") && literals.contains("keys.cash"), literals::toString);
        page.assertKnown(literals, "named in the scripts");
    }

    /** The page names the store's values through keys made from them (t(`status.${s}`)): every value has its text. */
    @Test
    void everyValueTheStoreSendsHasItsText() {
        Set<String> wanted = new TreeSet<>();
        Stream.of("NONE", "OPEN", "CONFIRMED", "AWAITING_CLEARANCE", "PAID", "PACKED", "COMPLETED", "CANCELLED").forEach(s -> wanted.add("status." + s));
        Stream.of("CASH", "CARD", "CHECK", "MOBILE").forEach(s -> wanted.add("tender." + s));
        Stream.of("WECHAT", "ALIPAY").forEach(s -> wanted.add("channel." + s));
        Stream.of("PENDING", "CLEARED", "BOUNCED").forEach(s -> wanted.add("clearance." + s));
        Stream.of("COUNTERFEIT", "TORN", "MISSING_CORNER", "DEFACED").forEach(s -> wanted.add("reject." + s));
        Stream.of("REQUESTED", "SCHEDULED", "OUT_FOR_DELIVERY", "DELIVERED", "FAILED").forEach(s -> wanted.add("delivery.status." + s));
        Stream.of("PRICE_OVERRIDE", "DISCOUNT", "VOID_LINE", "VOID_INVOICE", "RETURN", "NO_SALE", "CASH_DIFFERENCE", "CASH_MOVEMENT")
                .forEach(s -> wanted.add("action." + s));
        Stream.of("doing", "done", "recovered", "unknown", "pending", "refused").forEach(s -> wanted.add("step." + s));
        page.assertKnown(wanted, "for the store's values");
    }

    /** A refusal is shown in the cashier's language: every problem type the store (or this terminal) answers has its message. */
    @Test
    void everyProblemTheStoreAnswersHasItsMessage() throws IOException {
        Set<String> slugs = new TreeSet<>(Set.of("login-locked", "login-throttled", "not-found", "payment-declined", "payment-pending", "sale-held"));
        for (Path sources : STORE_SOURCES) {
            assertTrue(Files.isDirectory(sources), () -> sources + " is beside this module");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path java : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    slugs.addAll(PageTexts.matches(PROBLEM_SLUG, Files.readString(java, StandardCharsets.UTF_8)));
                }
            }
        }
        assertTrue(slugs.contains("amount-due-mismatch") && slugs.contains("store-unreachable") && slugs.contains("approval-required"), slugs::toString);
        page.assertKnown(slugs.stream().map(s -> "problem." + s).collect(Collectors.toSet()), "for the problems the store answers");
    }

    /** No text in the page itself: every element a person reads is filled from a bundle. */
    @Test
    void indexHtmlHoldsNoTextOfItsOwn() {
        page.assertIndexHtmlHoldsNoTextOfItsOwn();
    }
}
