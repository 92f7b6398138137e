package org.guitai.platform.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.guitai.kernel.settings.InvalidSettingsException;
import org.guitai.platform.config.Settings;

/**
 * A server's settings bean read from fixed values in a unit test: a valid set, with some keys
 * changed (an empty value counts as absent).
 *
 * @param <S> the server's settings
 */
public final class SettingsUnderTest<S extends Settings> {

    private final Supplier<S> settings;
    private final Map<String, String> valid;

    public SettingsUnderTest(Supplier<S> settings, Map<String, String> valid) {
        this.settings = settings;
        this.valid = Map.copyOf(valid);
    }

    /** The settings read from the valid values with {@code overrides}. */
    public S read(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(valid);
        values.putAll(overrides);
        S read = settings.get();
        read.readFrom(MapConfig.of(values));
        return read;
    }

    /** Why the start is refused with {@code overrides}: every problem, joined with {@code ; }. */
    public String refusal(Map<String, String> overrides) {
        return String.join("; ", assertThrows(InvalidSettingsException.class, () -> read(overrides)).problems());
    }
}
