package org.guitai.store.manager;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.guitai.store.approval.domain.ApprovalAction;
import org.guitai.store.audit.domain.AuditEvent;
import org.guitai.store.sale.domain.Tender;
import org.guitai.store.shift.domain.CashMovement;
import org.guitai.store.shift.domain.ErrorLevel;
import org.guitai.store.staff.domain.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manager page's texts: both message bundles hold the same keys with a text each, and every
 * key the page asks for (in index.html and in its scripts) is in both. The page itself holds no
 * text of its own: whatever a person reads comes from a bundle.
 */
class ManagerPageTextsTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final List<String> LANGUAGES = List.of("zh-CN", "en");

    /** data-i18n="key", data-i18n-placeholder="key", data-i18n-aria-label="key", ... */
    private static final Pattern HTML_KEY = Pattern.compile("data-i18n(?:-[a-z-]+)?=\"([^\"]*)\"");
    /** t('key') and t('key', {...}) */
    private static final Pattern T_CALL = Pattern.compile("\\bt\\(\\s*'([^'\\\\]*)'\\s*[,)]");
    /** any quoted 'namespace.rest': a key handed around before it reaches t() */
    private static final Pattern KEY_LITERAL = Pattern.compile("'([a-z][A-Za-z]*(?:\\.[A-Za-z0-9_-]+)+)'");

    private static Map<String, JsonObject> bundles;
    private static String html;
    private static Map<Path, String> scripts;

    @BeforeAll
    static void read() throws IOException {
        bundles = new java.util.LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            try (Reader in = Files.newBufferedReader(WEBAPP.resolve("i18n/" + lang + ".json"), StandardCharsets.UTF_8);
                 JsonReader json = Json.createReader(in)) {
                bundles.put(lang, json.readObject());
            }
        }
        html = Files.readString(WEBAPP.resolve("index.html"), StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(WEBAPP.resolve("js"))) {
            scripts = new java.util.TreeMap<>();
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
        assertTrue(used.contains("reports.title") && used.contains("close.blind"), used::toString);
        assertKnown(used, "used by the page");
    }

    @Test
    void keysHandedToTLaterAreInBothBundlesToo() {
        Set<String> namespaces = bundles.get("zh-CN").keySet().stream().map(k -> k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> literals = new TreeSet<>();
        scripts.values().forEach(js -> matches(KEY_LITERAL, js).stream().filter(k -> namespaces.contains(k.substring(0, k.indexOf('.'))))
                .forEach(literals::add));
        assertTrue(literals.contains("report.counted"), literals::toString);
        assertKnown(literals, "named in the scripts");
    }

    /** The page names the server's values through keys made from them: every value has its text. */
    @Test
    void everyValueTheServerSendsHasItsText() {
        Set<String> wanted = new TreeSet<>();
        Arrays.stream(ApprovalAction.values()).forEach(a -> wanted.add("action." + a.name()));
        Arrays.stream(ErrorLevel.values()).forEach(l -> wanted.add("level." + l.name()));
        Arrays.stream(AuditEvent.values()).forEach(e -> wanted.add("event." + e.name()));
        Arrays.stream(CashMovement.Type.values()).forEach(t -> wanted.add("movement." + t.name()));
        Arrays.stream(Role.values()).forEach(r -> wanted.add("role." + r.name()));
        Arrays.stream(Tender.values()).forEach(t -> wanted.add("tender." + t.name()));
        wanted.add("tender.MOBILE");
        assertKnown(wanted, "for the server's values");
    }

    /** No text in the page itself: every element a person reads is filled from a bundle. */
    @Test
    void indexHtmlHoldsNoTextOfItsOwn() {
        String markup = html.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<script\\b.*?</script>", "").replaceAll("(?s)<style\\b.*?</style>", "");
        List<String> texts = new ArrayList<>();
        Matcher m = Pattern.compile(">([^<]*)<").matcher(markup);
        while (m.find()) {
            if (!m.group(1).isBlank()) {
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
