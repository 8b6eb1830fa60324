package io.switchover.config;

import io.switchover.SwitchoverException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A Spring Boot {@code application*.properties} or {@code application*.yml} file as the flat keys Spring binds: YAML
 * maps joined with dots, lists with commas, a key without a value bound as the empty string, a later YAML document
 * overriding an earlier one. One reader for every part of the tool that reads a service's Spring configuration.
 */
public final class SpringProperties {
    private SpringProperties() {
    }

    /** The keys of a {@code .properties} or YAML file, by its name; bad input when it does not parse. */
    public static Map<String, String> read(String path, String text) {
        return path.endsWith(".properties") ? properties(path, text) : yaml(path, text);
    }

    /**
     * The keys of a file in {@code .properties} format (also Flyway's {@code flyway.conf}); bad input when it does not
     * parse.
     */
    public static Map<String, String> properties(String path, String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw SwitchoverException.badInput(path + ": cannot read it as a properties file: " + e.getMessage());
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            keys.put(name, properties.getProperty(name).strip());
        }
        return keys;
    }

    private static Map<String, String> yaml(String path, String text) {
        Map<String, String> keys = new LinkedHashMap<>();
        try {
            Load load = new Load(LoadSettings.builder().setLabel(path).build());
            YamlLimits.requireShallow(path, text);
            for (Object document : load.loadAllFromString(text)) {
                flatten("", document, keys);
            }
        } catch (YamlEngineException e) {
            throw SwitchoverException.badInput(path + ": " + e.getMessage().lines().findFirst().orElse("invalid YAML"));
        }
        return keys;
    }

    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (node instanceof List<?> list) {
            out.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
        } else {
            // A key without a value is bound as the empty string by Spring Boot, as in a .properties file.
            out.put(prefix, node == null ? "" : String.valueOf(node));
        }
    }
}
