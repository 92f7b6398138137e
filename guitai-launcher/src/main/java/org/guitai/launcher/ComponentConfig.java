package org.guitai.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The committed defaults of one component ({@code config/<component>/<component>.properties}),
 * turned into system properties for its server, except where the environment already sets the key
 * (MicroProfile's mapping: {@code guitai.hq.url} is {@code GUITAI_HQ_URL}), so the environment wins.
 */
public final class ComponentConfig {

    private ComponentConfig() {
    }

    public static Map<String, String> defaults(Path configDir, String component, Function<String, String> environment) {
        Path file = configDir.resolve(component).resolve(component + ".properties");
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> {
            if (!setInEnvironment(key, environment)) {
                defaults.put(key, properties.getProperty(key));
            }
        });
        return defaults;
    }

    /** MicroProfile Config looks up the key as is, with non-alphanumerics as '_', and that upper-cased. */
    public static boolean setInEnvironment(String key, Function<String, String> environment) {
        String underscored = key.replaceAll("[^A-Za-z0-9]", "_");
        return environment.apply(key) != null || environment.apply(underscored) != null
                || environment.apply(underscored.toUpperCase()) != null;
    }
}
