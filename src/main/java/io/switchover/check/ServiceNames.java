package io.switchover.check;

import io.switchover.snapshot.Snapshot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a service that the user did not name: Spring's {@code spring.application.name}, else the Maven artifactId or
 * Gradle project name, else the snapshot's own name.
 */
public final class ServiceNames {
    private static final Pattern APPLICATION_NAME = Pattern.compile("(?m)^\\s*spring\\.application\\.name\\s*[=:]\\s*(\\S+)");
    private static final Pattern YAML_APPLICATION_NAME =
            Pattern.compile("(?s)spring:\\s*\\n(?:\\s+.*\\n)*?\\s+application:\\s*\\n\\s+name:\\s*['\"]?([\\w.-]+)");
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
            String found = find(snapshot, path, YAML_APPLICATION_NAME);
            if (found != null) {
                return found;
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
