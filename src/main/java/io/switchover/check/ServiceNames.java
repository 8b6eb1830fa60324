package io.switchover.check;

import io.switchover.snapshot.Snapshot;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a service that the user did not name: Spring's {@code spring.application.name}, else the Maven artifactId or
 * Gradle project name, else the snapshot's own name.
 */
public final class ServiceNames {
    private static final Pattern APPLICATION_NAME = Pattern.compile("(?m)^\\s*spring\\.application\\.name\\s*[=:]\\s*(\\S+)");
    private static final Pattern ARTIFACT_ID = Pattern.compile("</parent>.*?<artifactId>\\s*([^<\\s]+)\\s*</artifactId>|"
            + "^(?:(?!<parent>).)*?<artifactId>\\s*([^<\\s]+)\\s*</artifactId>", Pattern.DOTALL);
    private static final Pattern GRADLE_NAME = Pattern.compile("rootProject\\.name\\s*=\\s*['\"]([^'\"]+)['\"]");

    private ServiceNames() {
    }

    public static String guess(Snapshot snapshot) {
        for (String path : new String[] {"src/main/resources/application.properties"}) {
            String found = find(snapshot, path, APPLICATION_NAME);
            if (found != null) {
                return found;
            }
        }
        for (String path : new String[] {"src/main/resources/application.yml", "src/main/resources/application.yaml"}) {
            if (snapshot.files().contains(path)) {
                String found = yamlApplicationName(snapshot.read(path));
                if (found != null) {
                    return found;
                }
            }
        }
        String artifact = find(snapshot, "pom.xml", ARTIFACT_ID);
        if (artifact != null) {
            return artifact;
        }
        for (String path : new String[] {"settings.gradle", "settings.gradle.kts"}) {
            String found = find(snapshot, path, GRADLE_NAME);
            if (found != null) {
                return found;
            }
        }
        return snapshot.name();
    }

    /**
     * {@code spring.application.name} of a YAML file (any of its documents, nested or dotted keys), read by a YAML
     * parser: a regular expression over YAML backtracked for minutes on a real service's configuration.
     */
    static String yamlApplicationName(String yaml) {
        LoadSettings settings = LoadSettings.builder().setMaxAliasesForCollections(50).setAllowRecursiveKeys(false)
                .setCodePointLimit(4 * 1024 * 1024).build();
        try {
            for (Object document : new Load(settings).loadAllFromString(yaml)) {
                Object name = lookup(lookup(lookup(document, "spring"), "application"), "name");
                if (name == null) {
                    name = lookup(lookup(document, "spring"), "application.name");
                }
                if (name == null) {
                    name = lookup(document, "spring.application.name");
                }
                if (name instanceof String text && text.matches("[\\w.-]+")) {
                    return text;
                }
            }
        } catch (RuntimeException e) {
            // Not YAML that says it (placeholders, templates, a broken file): the next source of a name decides.
        }
        return null;
    }

    private static Object lookup(Object node, String key) {
        return node instanceof Map<?, ?> map ? map.get(key) : null;
    }

    private static String find(Snapshot snapshot, String path, Pattern pattern) {
        if (!snapshot.files().contains(path)) {
            return null;
        }
        Matcher matcher = pattern.matcher(snapshot.read(path));
        if (!matcher.find()) {
            return null;
        }
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return null;
    }
}
