package org.guitai.platform.testing;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** A MicroProfile Config of fixed values, for reading a server's settings in a unit test. */
public final class MapConfig {

    private MapConfig() {
    }

    /** Answers {@code getOptionalValue} from {@code values}; an empty value counts as absent, as MicroProfile Config has it. */
    public static Config of(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class}, (proxy, method, args) -> {
            if (method.getName().equals("getOptionalValue")) {
                return Optional.ofNullable(values.get((String) args[0])).filter(v -> !v.isEmpty());
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }
}
