package org.guitai.platform.testing;

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

/**
 * The texts of one of our web pages as its tests check them: the message bundles
 * ({@code i18n/zh-CN.json}, {@code i18n/en.json}), {@code index.html} and the scripts under
 * {@code js/}. Each page's test says which keys it must find; the checks are the same for every page.
 */
public final class PageTexts {

    public static final List<String> LANGUAGES = List.of("zh-CN", "en");
    /** data-i18n="key", data-i18n-placeholder="key", data-i18n-aria-label="key", ... */
    private static final Pattern HTML_KEY = Pattern.compile("data-i18n(?:-[a-z-]+)?=\"([^\"]*)\"");
    /** t('key'), t('key', {...}), tOr('key', ...) */
    private static final Pattern T_CALL = Pattern.compile("\\bt(?:Or)?\\(\\s*'([^'\\\\]*)'\\s*[,)]");
    /** a quoted 'namespace.rest' handed around before it reaches t() */
    private static final Pattern KEY_LITERAL = Pattern.compile("'([a-z][A-Za-z]*(?:\\.[A-Za-z0-9_-]+)+)'");

    private final Map<String, JsonObject> bundles;
    private final String html;
    private final Map<Path, String> scripts;

    private PageTexts(Map<String, JsonObject> bundles, String html, Map<Path, String> scripts) {
        this.bundles = bundles;
        this.html = html;
        this.scripts = scripts;
    }

    /** The page's bundles, markup and scripts, read from its web application folder. */
    public static PageTexts read(Path webapp) throws IOException {
        Map<String, JsonObject> bundles = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            try (Reader in = Files.newBufferedReader(webapp.resolve("i18n/" + lang + ".json"), StandardCharsets.UTF_8);
                 JsonReader json = Json.createReader(in)) {
                bundles.put(lang, json.readObject());
            }
        }
        Map<Path, String> scripts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(webapp.resolve("js"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                scripts.put(p, Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertFalse(scripts.isEmpty(), "the page's scripts are in " + webapp.resolve("js"));
        return new PageTexts(bundles, Files.readString(webapp.resolve("index.html"), StandardCharsets.UTF_8), scripts);
    }

    public void assertBothBundlesHaveTheSameKeys() {
        Set<String> zh = bundles.get("zh-CN").keySet();
        Set<String> en = bundles.get("en").keySet();
        assertEquals(Set.of(), difference(zh, en), "keys of zh-CN.json missing from en.json");
        assertEquals(Set.of(), difference(en, zh), "keys of en.json missing from zh-CN.json");
    }

    public void assertEveryTextIsANonEmptyString() {
        bundles.forEach((lang, bundle) -> bundle.forEach((key, value) -> {
            assertEquals(JsonValue.ValueType.STRING, value.getValueType(), () -> lang + ": " + key + " is not a string");
            assertFalse(((JsonString) value).getString().isBlank(), () -> lang + ": " + key + " is empty");
        }));
    }

    /** The keys the markup and the scripts' t() calls ask for. */
    public Set<String> keysAskedFor() {
        Set<String> used = new TreeSet<>(matches(HTML_KEY, html));
        scripts.values().forEach(js -> used.addAll(matches(T_CALL, js)));
        return used;
    }

    /** Quoted keys in the scripts, of a namespace the bundles know, handed around before they reach t(). */
    public Set<String> keysNamedInScripts() {
        Set<String> namespaces = bundles.get("zh-CN").keySet().stream().map(k -> k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> literals = new TreeSet<>();
        scripts.values().forEach(js -> matches(KEY_LITERAL, js).stream().filter(k -> namespaces.contains(k.substring(0, k.indexOf('.'))))
                .forEach(literals::add));
        return literals;
    }

    /** Every key is in both bundles. */
    public void assertKnown(Set<String> keys, String what) {
        bundles.forEach((lang, bundle) -> assertEquals(Set.of(), difference(keys, bundle.keySet()), () -> "keys " + what + " missing from " + lang + ".json"));
    }

    /** No text in the page itself but figures: every element a person reads is filled from a bundle. */
    public void assertIndexHtmlHoldsNoTextOfItsOwn() {
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

    public static Set<String> matches(Pattern pattern, String text) {
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
