package io.switchover.patterns;

import io.switchover.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which major version of Hibernate a service builds with, as its build files say: a version of {@code hibernate-core}
 * itself, else of Spring Boot, whose 1.x and 2.x bring Hibernate 5, 3.x Hibernate 6 and 4.x Hibernate 7. Read from
 * the Maven and Gradle files at the snapshot's root and at the root of each source folder's module
 * ({@code pom.xml}, {@code build.gradle(.kts)}, {@code gradle.properties}, {@code gradle/libs.versions.toml}), with
 * {@code ${name}} resolved from a pom's {@code <properties>} or {@code gradle.properties}. It matters where the
 * generations name columns differently (Hibernate 7 puts an underscore after a digit: {@code in7Days} is
 * {@code in7_days} there and {@code in7days} before).
 */
public final class HibernateGeneration {
    private static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts",
            "gradle.properties", "gradle/libs.versions.toml");
    private static final String VERSION = "[\"']?\\$?\\{?([\\w.-]+)\\}?[\"']?";
    private static final List<Pattern> HIBERNATE = List.of(
            Pattern.compile("<artifactId>hibernate-core(?:-jakarta)?</artifactId>\\s*<version>\\s*([^<\\s]+)"),
            Pattern.compile("<hibernate(?:-orm)?\\.version>\\s*([^<\\s]+)"),
            Pattern.compile("org\\.hibernate(?:\\.orm)?:hibernate-core(?:-jakarta)?:([\\w.$}{-]+)"),
            Pattern.compile("(?m)^\\s*hibernate(?:-orm|Orm|-core|Core)?(?:\\.version|Version)?\\s*=\\s*" + VERSION),
            Pattern.compile("set\\(\\s*\"hibernate\\.version\"\\s*,\\s*\"([^\"]+)\""));
    private static final List<Pattern> SPRING_BOOT = List.of(
            Pattern.compile("<artifactId>spring-boot-(?:starter-parent|dependencies)</artifactId>\\s*<version>\\s*([^<\\s]+)"),
            Pattern.compile("<spring-boot\\.version>\\s*([^<\\s]+)"),
            Pattern.compile("[\"']org\\.springframework\\.boot[\"']\\s*\\)?\\s*version\\s*" + VERSION),
            Pattern.compile("org\\.springframework\\.boot:spring-boot-(?:gradle-plugin|dependencies|starter-parent):([\\w.$}{-]+)"),
            Pattern.compile("(?m)^\\s*(?:spring-?[bB]oot|springboot)(?:\\.version|Version|-version)?\\s*=\\s*" + VERSION));
    private static final Pattern MAVEN_PROPERTY = Pattern.compile("<([\\w.-]+)>\\s*([^<\\s]+)\\s*</\\1>");
    private static final Pattern GRADLE_PROPERTY = Pattern.compile("(?m)^\\s*([\\w.-]+)\\s*=\\s*([\\w.-]+)\\s*$");
    private static final Pattern MAJOR = Pattern.compile("^(\\d+)\\.");

    private HibernateGeneration() {
    }

    /** The major version of Hibernate the build names, if it names one. */
    public static OptionalInt of(Snapshot snapshot, List<String> sourceRoots) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String module : modules(sourceRoots)) {
            BUILD_FILES.forEach(file -> wanted.add(module + file));
        }
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (String path : snapshot.files()) {
            if (wanted.contains(path)) {
                texts.put(path, snapshot.read(path));
            }
        }
        Map<String, String> properties = new java.util.HashMap<>();
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
        OptionalInt hibernate = major(texts.values(), HIBERNATE, properties);
        if (hibernate.isPresent()) {
            return hibernate;
        }
        OptionalInt boot = major(texts.values(), SPRING_BOOT, properties);
        if (boot.isEmpty()) {
            return OptionalInt.empty();
        }
        int major = boot.getAsInt();
        return OptionalInt.of(major <= 2 ? 5 : major + 3);
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

    private static OptionalInt major(Iterable<String> texts, List<Pattern> patterns, Map<String, String> properties) {
        for (String text : texts) {
            for (Pattern pattern : patterns) {
                Matcher found = pattern.matcher(text);
                while (found.find()) {
                    String version = found.group(1).replaceAll("^\\$\\{?|}$", "");
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
}
