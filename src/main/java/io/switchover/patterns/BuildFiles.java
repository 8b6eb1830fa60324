package io.switchover.patterns;

import io.switchover.patterns.model.Origin;
import io.switchover.snapshot.Snapshot;
import io.switchover.sql.LineIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's Maven and Gradle build files, read for the versions of the libraries whose SQL or naming the check
 * depends on: those at the snapshot's root and at the root of each source folder's module ({@code pom.xml},
 * {@code build.gradle(.kts)}, {@code gradle.properties}, {@code gradle/libs.versions.toml}), with {@code ${name}}
 * resolved from a pom's {@code <properties>} or {@code gradle.properties}.
 */
public final class BuildFiles {
    private static final List<String> NAMES = List.of("pom.xml", "build.gradle", "build.gradle.kts",
            "gradle.properties", "gradle/libs.versions.toml");
    /** A version as a build file writes it after the coordinate: quoted or not, or a property reference. */
    static final String VERSION = "[\"']?\\$?\\{?([\\w.-]+)\\}?[\"']?";
    private static final Pattern MAVEN_PROPERTY = Pattern.compile("<([\\w.-]+)>\\s*([^<\\s]+)\\s*</\\1>");
    private static final Pattern GRADLE_PROPERTY = Pattern.compile("(?m)^\\s*([\\w.-]+)\\s*=\\s*([\\w.-]+)\\s*$");
    private static final Pattern MAJOR = Pattern.compile("^(\\d+)\\.");
    private static final Pattern SPRING_BOOT = Pattern.compile(
            "<artifactId>spring-boot-(?:starter-parent|dependencies)</artifactId>\\s*<version>\\s*([^<\\s]+)"
                    + "|<spring-boot\\.version>\\s*([^<\\s]+)"
                    + "|[\"']org\\.springframework\\.boot[\"']\\s*\\)?\\s*version\\s*" + VERSION
                    + "|org\\.springframework\\.boot:spring-boot-(?:gradle-plugin|dependencies|starter-parent):([\\w.$}{-]+)"
                    + "|(?m:^\\s*(?:spring-?[bB]oot|springboot)(?:\\.version|Version|-version)?\\s*=\\s*" + VERSION + ")");

    private final Map<String, String> texts;
    private final Map<String, String> properties;

    private BuildFiles(Map<String, String> texts, Map<String, String> properties) {
        this.texts = texts;
        this.properties = properties;
    }

    public static BuildFiles read(Snapshot snapshot, List<String> sourceRoots) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String module : modules(sourceRoots)) {
            NAMES.forEach(file -> wanted.add(module + file));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String path : snapshot.files()) {
            if (wanted.contains(path)) {
                texts.put(path, snapshot.read(path));
            }
        }
        Map<String, String> properties = new HashMap<>();
        texts.values().forEach(text -> {
            Matcher maven = MAVEN_PROPERTY.matcher(text);
            while (maven.find()) {
                properties.putIfAbsent(maven.group(1), maven.group(2));
            }
            Matcher gradle = GRADLE_PROPERTY.matcher(text);
            while (gradle.find()) {
                properties.putIfAbsent(gradle.group(1), gradle.group(2));
            }
        });
        return new BuildFiles(texts, properties);
    }

    /** The root, and each source root's module: the folder above its {@code src/}. */
    private static List<String> modules(List<String> sourceRoots) {
        List<String> modules = new ArrayList<>(List.of(""));
        for (String root : sourceRoots) {
            String folder = root.endsWith("/") ? root : root + "/";
            int src = folder.startsWith("src/") ? 0 : folder.indexOf("/src/") + 1;
            if (src > 0 && !modules.contains(folder.substring(0, src))) {
                modules.add(folder.substring(0, src));
            }
        }
        return modules;
    }

    /** The major version the first match of {@code pattern} gives (in whichever group matched), properties followed. */
    OptionalInt major(Pattern pattern) {
        for (String text : texts.values()) {
            Matcher found = pattern.matcher(text);
            while (found.find()) {
                for (int group = 1; group <= found.groupCount(); group++) {
                    if (found.group(group) == null) {
                        continue;
                    }
                    String version = found.group(group).replaceAll("^\\$\\{?|}$", "");
                    for (int depth = 0; depth < 3 && !MAJOR.matcher(version).find(); depth++) {
                        version = properties.getOrDefault(version, "");
                    }
                    Matcher major = MAJOR.matcher(version);
                    if (major.find()) {
                        return OptionalInt.of(Integer.parseInt(major.group(1)));
                    }
                }
            }
        }
        return OptionalInt.empty();
    }

    /** Spring Boot's major version, if the build names one. */
    OptionalInt springBoot() {
        return major(SPRING_BOOT);
    }

    /** The file and line of the first place {@code pattern} matches, if any. */
    Optional<Origin> firstMatch(Pattern pattern) {
        for (Map.Entry<String, String> file : texts.entrySet()) {
            Matcher found = pattern.matcher(file.getValue());
            if (found.find()) {
                return Optional.of(new Origin(file.getKey(), new LineIndex(file.getValue()).lineOf(found.start())));
            }
        }
        return Optional.empty();
    }
}
