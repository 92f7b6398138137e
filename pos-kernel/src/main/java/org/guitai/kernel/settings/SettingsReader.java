package org.guitai.kernel.settings;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads a server's settings from any key lookup (MicroProfile Config in the servers) and collects
 * every bad value, so that a refused start names all the bad keys at once. Blank counts as absent.
 */
public final class SettingsReader {

    private final Function<String, Optional<String>> lookup;
    private final List<String> problems = new ArrayList<>();

    public SettingsReader(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    public Optional<String> optional(String key) {
        return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** A value that must be present and pass {@code valid}. */
    public String required(String key, Predicate<String> valid, String expected) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            problem(key, "is missing: expected " + expected);
            return "";
        }
        if (!valid.test(value.get())) {
            problem(key, "is '" + value.get() + "': expected " + expected);
        }
        return value.get();
    }

    /** A value parsed by {@code parser}; {@code fallback} (which must parse) when absent or bad. */
    public <T> T parsed(String key, String fallback, Function<String, T> parser, String expected) {
        Optional<String> value = optional(key);
        if (value.isPresent()) {
            Optional<T> parsed = tryParse(key, value.get(), parser, expected);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        return parser.apply(fallback);
    }

    /** An optional value parsed by {@code parser}; empty when absent, recorded as a problem when bad. */
    public <T> Optional<T> optionalParsed(String key, Function<String, T> parser, String expected) {
        return optional(key).flatMap(v -> tryParse(key, v, parser, expected));
    }

    /** A whole number within bounds. */
    public long number(String key, long fallback, long min, long max) {
        long value = parsed(key, Long.toString(fallback), Long::parseLong, "a whole number");
        if (value < min || value > max) {
            problem(key, "is " + value + ": expected a number from " + min + " to " + max);
            return fallback;
        }
        return value;
    }

    /**
     * A server's database URL, which must be a MariaDB JDBC URL: checked here rather than by the
     * pool, so a bad URL names its key; never echoed, since it may carry a password.
     */
    public void databaseUrl(String key, String example) {
        if (!optional(key).orElse("").matches("jdbc:(mariadb|mysql):([a-z]+:)?//[^/\\s]+(/[A-Za-z0-9_$-]*)?(\\?\\S*)?")) {
            problem(key, "is missing or not a MariaDB JDBC URL: expected e.g. " + example);
        }
    }

    /** An http(s) URL with a host, without a trailing slash (paths are appended to it). */
    public static URI httpUrl(String value) {
        URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException(value);
        }
        return uri;
    }

    /** The absolute path of a folder this process can read. */
    public static Path readableFolder(String value) {
        Path folder = Path.of(value);
        if (!folder.isAbsolute() || !Files.isDirectory(folder) || !Files.isReadable(folder)) {
            throw new IllegalArgumentException(value);
        }
        return folder;
    }

    /** {@code true} or {@code false}, in any case; nothing else. */
    public static boolean bool(String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(value);
        }
        return Boolean.parseBoolean(value);
    }

    public void problem(String key, String message) {
        problems.add(key + " " + message);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** @throws InvalidSettingsException naming every bad key seen so far */
    public void failIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    private <T> Optional<T> tryParse(String key, String value, Function<String, T> parser, String expected) {
        try {
            return Optional.ofNullable(parser.apply(value));
        } catch (RuntimeException e) {
            problem(key, "is '" + value + "': expected " + expected);
            return Optional.empty();
        }
    }
}
