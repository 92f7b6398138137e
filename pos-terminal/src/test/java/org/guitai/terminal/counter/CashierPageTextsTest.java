package org.guitai.terminal.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cashier page's texts: both message bundles hold the same keys with a text each; every key
 * the page asks for (index.html, its scripts) is in both; every value the store sends that the
 * page names through a key (sale states, tenders, approval actions, problem types) has its text;
 * and index.html holds no text of its own.
 */
class CashierPageTextsTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final List<String> LANGUAGES = List.of("zh-CN", "en");
    /** The store's sources, beside this module: the problem types it answers are read from there. */
    private static final List<Path> STORE_SOURCES = List.of(Path.of("../store-server/src/main/java"), Path.of("../pos-platform/src/main/java"),
            Path.of("../pos-kernel/src/main/java"), Path.of("src/main/java"));

    /** data-i18n="key", data-i18n-placeholder="key", ... */
    private static final Pattern HTML_KEY = Pattern.compile("data-i18n(?:-[a-z-]+)?=\"([^\"]*)\"");
    /** t('key'), t('key', {...}), tOr('key', ...) */
    private static final Pattern T_CALL = Pattern.compile("\\bt(?:Or)?\\(\\s*'([^'\\\\]*)'\\s*[,)]");
    /** a quoted 'namespace.rest' handed around before it reaches t(): { key: 'what.confirm' }, text: 'keys.help' */
    private static final Pattern KEY_LITERAL = Pattern.compile("'([a-z][A-Za-z]*(?:\\.[A-Za-z0-9_-]+)+)'");
    /** a refusal's slug where it is thrown: super("slug", 409, "Title" or new XxxException("slug", "Title" */
    private static final Pattern PROBLEM_SLUG = Pattern.compile("\\(\\s*\"([a-z]+(?:-[a-z]+)*)\"\\s*,\\s*(?:\\d{3}\\s*,\\s*)?\"[A-Z]");

    private static Map<String, JsonObject> bundles;
    private static String html;
    private static Map<Path, String> scripts;

    @BeforeAll
    static void read() throws IOException {
        bundles = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            try (Reader in = Files.newBufferedReader(WEBAPP.resolve("i18n/" + lang + ".json"), StandardCharsets.UTF_8);
                 JsonReader json = Json.createReader(in)) {
                bundles.put(lang, json.readObject());
            }
        }
        html = Files.readString(WEBAPP.resolve("index.html"), StandardCharsets.UTF_8);
        scripts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(WEBAPP.resolve("js"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                scripts.put(p, Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertFalse(scripts.isEmpty(), "the page's scripts are in " + WEBAPP.resolve("js"));
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        Set<String> zh = bundles.get("zh-CN").keySet();
        Set<String> en = bundles.get("en").keySet();
        assertEquals(Set.of(), difference(zh, en), "keys of zh-CN.json missing from en.json");
        assertEquals(Set.of(), difference(en, zh), "keys of en.json missing from zh-CN.json");
    }

    @Test
    void everyTextIsANonEmptyString() {
        bundles.forEach((lang, bundle) -> bundle.forEach((key, value) -> {
            assertEquals(JsonValue.ValueType.STRING, value.getValueType(), () -> lang + ": " + key + " is not a string");
            assertFalse(((JsonString) value).getString().isBlank(), () -> lang + ": " + key + " is empty");
        }));
    }

    @Test
    void everyKeyOfThePageIsInBothBundles() {
        Set<String> used = new TreeSet<>(matches(HTML_KEY, html));
        scripts.values().forEach(js -> used.addAll(matches(T_CALL, js)));
        assertTrue(used.size() > 100, () -> "the page asks for its texts by key: found only " + used);
        assertTrue(used.contains("cash.amountDue") && used.contains("login.staff"), used::toString);
        assertKnown(used, "used by the page");
    }

    @Test
    void keysHandedToTLaterAreInBothBundlesToo() {
        Set<String> namespaces = bundles.get("zh-CN").keySet().stream().map(k -> k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> literals = new TreeSet<>();
        scripts.values().forEach(js -> matches(KEY_LITERAL, js).stream().filter(k -> namespaces.contains(k.substring(0, k.indexOf('.'))))
                .forEach(literals::add));
        assertTrue(literals.contains("what.confirm") && literals.contains("keys.cash"), literals::toString);
        assertKnown(literals, "named in the scripts");
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
        assertKnown(wanted, "for the store's values");
    }

    /** A refusal is shown in the cashier's language: every problem type the store (or this terminal) answers has its message. */
    @Test
    void everyProblemTheStoreAnswersHasItsMessage() throws IOException {
        Set<String> slugs = new TreeSet<>(Set.of("login-locked", "login-throttled", "not-found", "payment-declined", "payment-pending", "sale-held"));
        for (Path sources : STORE_SOURCES) {
            assertTrue(Files.isDirectory(sources), () -> sources + " is beside this module");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path java : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    slugs.addAll(matches(PROBLEM_SLUG, Files.readString(java, StandardCharsets.UTF_8)));
                }
            }
        }
        assertTrue(slugs.contains("amount-due-mismatch") && slugs.contains("store-unreachable") && slugs.contains("approval-required"), slugs::toString);
        assertKnown(slugs.stream().map(s -> "problem." + s).collect(Collectors.toSet()), "for the problems the store answers");
    }

    /** No text in the page itself: every element a person reads is filled from a bundle. */
    @Test
    void indexHtmlHoldsNoTextOfItsOwn() {
        String markup = html.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<script\\b.*?</script>", "").replaceAll("(?s)<style\\b.*?</style>", "");
        List<String> texts = new ArrayList<>();
        Matcher m = Pattern.compile(">([^<]*)<").matcher(markup);
        while (m.find()) {
            if (!m.group(1).isBlank() && !m.group(1).trim().matches("[¥0-9.,%\\s]*")) {
                texts.add(m.group(1).trim());
            }
        }
        assertEquals(List.of(), texts, "text written into index.html instead of a bundle");
        Matcher attributes = Pattern.compile("\\s(placeholder|title|aria-label|alt)=\"([^\"]*)\"").matcher(markup);
        while (attributes.find()) {
            String value = attributes.group(2);
            assertTrue(value.matches("[0-9.,\\s]*"), () -> "attribute text written into index.html: " + attributes.group());
        }
    }

    private static void assertKnown(Set<String> keys, String what) {
        bundles.forEach((lang, bundle) -> assertEquals(Set.of(), difference(keys, bundle.keySet()), () -> "keys " + what + " missing from " + lang + ".json"));
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
