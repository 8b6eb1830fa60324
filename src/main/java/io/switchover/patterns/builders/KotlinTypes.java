package io.switchover.patterns.builders;

import io.switchover.patterns.jpa.KotlinClasses;
import io.switchover.patterns.jpa.KotlinClasses.KotlinClass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes and interfaces of a service's Kotlin files, by simple name. Files that declare an interface (a
 * repository, perhaps) or name Spring Data Relational are read at once; any other file only when a type it declares
 * is asked for.
 */
final class KotlinTypes {
    private static final Pattern DECLARATION = Pattern.compile("\\b(enum\\s+)?(class|interface)\\s+(\\w+)");
    private final Map<String, String> sources;
    private final Map<String, List<String>> declaredIn = new HashMap<>();
    private final Set<String> enums = new HashSet<>();
    private final Map<String, List<KotlinClass>> read = new HashMap<>();
    private final List<KotlinClass> interfaces = new ArrayList<>();
    private final List<KotlinClass> tables = new ArrayList<>();

    KotlinTypes(Map<String, String> sources) {
        this.sources = sources;
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Matcher declaration = DECLARATION.matcher(source.getValue());
            boolean declaresInterface = false;
            while (declaration.find()) {
                declaredIn.computeIfAbsent(declaration.group(3), n -> new ArrayList<>()).add(source.getKey());
                if (declaration.group(1) != null) {
                    enums.add(declaration.group(3));
                }
                declaresInterface |= declaration.group(2).equals("interface");
            }
            if (declaresInterface) {
                classes(source.getKey()).stream().filter(KotlinClass::isInterface).forEach(interfaces::add);
            }
            if (source.getValue().contains("springframework.data.relational")) {
                classes(source.getKey()).stream().filter(c -> !c.isInterface() && c.annotation("Table").isPresent())
                        .forEach(tables::add);
            }
        }
    }

    /** The classes annotated with Spring Data Relational's {@code @Table}. */
    List<KotlinClass> tables() {
        return tables;
    }

    /** The interfaces of the service. */
    List<KotlinClass> interfaces() {
        return interfaces;
    }

    Optional<KotlinClass> byName(String simpleName) {
        for (String path : declaredIn.getOrDefault(simpleName, List.of())) {
            Optional<KotlinClass> type = classes(path).stream().filter(c -> c.name().equals(simpleName)).findFirst();
            if (type.isPresent()) {
                return type;
            }
        }
        return Optional.empty();
    }

    /** A class of the service, not an enum or an interface: what Spring Data JDBC maps as an entity of its own. */
    Optional<KotlinClass> entity(String simpleName) {
        return enums.contains(simpleName) ? Optional.empty() : byName(simpleName).filter(c -> !c.isInterface());
    }

    private List<KotlinClass> classes(String path) {
        return read.computeIfAbsent(path, p -> KotlinClasses.read(p, sources.get(p)));
    }
}
