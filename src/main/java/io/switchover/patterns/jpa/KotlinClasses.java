package io.switchover.patterns.jpa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A public view of what {@link KotlinSourceReader} reads of a Kotlin file, for the readers of other packages: its
 * classes and interfaces, their annotations (string arguments only), supertypes, properties and functions.
 */
public final class KotlinClasses {
    private KotlinClasses() {
    }

    /** A type as written, {@code Set<Andel>} is {@code Set} with argument {@code Andel}; {@code ?} dropped. */
    public record Type(String name, List<Type> arguments) {
        public Type {
            arguments = List.copyOf(arguments);
        }

        public String simpleName() {
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }

    /** An annotation's name as written and its literal string arguments ({@code value} for a single unnamed one). */
    public record Annotation(String name, Map<String, String> strings) {
        public Annotation {
            strings = Map.copyOf(strings);
        }

        /** {@code Embedded} is {@code @Embedded} and {@code @org.x.Embedded}. */
        public boolean is(String simpleName) {
            return name.equals(simpleName) || name.endsWith("." + simpleName);
        }

        public Optional<String> string(String key) {
            return Optional.ofNullable(strings.get(key));
        }
    }

    /** A constructor {@code val}/{@code var} or a body property. */
    public record Property(String name, Type type, List<Annotation> annotations, int line) {
        public Property {
            annotations = List.copyOf(annotations);
        }

        public Optional<Annotation> annotation(String simpleName) {
            return annotations.stream().filter(a -> a.is(simpleName)).findFirst();
        }
    }

    /** A function: whether it has a body, and its annotations' names. */
    public record Function(String name, List<String> annotations, boolean hasBody, int line) {
        public Function {
            annotations = List.copyOf(annotations);
        }
    }

    public record KotlinClass(String path, String name, boolean isInterface, int line, List<String> imports,
                              List<Annotation> annotations, List<Type> supertypes, List<Property> properties,
                              List<Function> functions) {
        public KotlinClass {
            imports = List.copyOf(imports);
            annotations = List.copyOf(annotations);
            supertypes = List.copyOf(supertypes);
            properties = List.copyOf(properties);
            functions = List.copyOf(functions);
        }

        public Optional<Annotation> annotation(String simpleName) {
            return annotations.stream().filter(a -> a.is(simpleName)).findFirst();
        }
    }

    /** The classes and interfaces of one file; none when it cannot be read. */
    public static List<KotlinClass> read(String path, String source) {
        return new KotlinSourceReader().read(path, source).types().stream().map(KotlinClasses::view).toList();
    }

    private static KotlinClass view(SourceType type) {
        List<Type> supertypes = new java.util.ArrayList<>();
        if (!type.superclass().name().isEmpty()) {
            supertypes.add(type(type.superclass()));
        }
        type.interfaces().forEach(t -> supertypes.add(type(t)));
        List<Property> properties = type.fields().stream().filter(f -> !f.isStatic())
                .map(f -> new Property(f.name(), type(f.type()), annotations(f.annotations()), f.line())).toList();
        List<Function> functions = type.methods().stream().map(m -> new Function(m.name(),
                m.annotations().stream().map(KotlinClasses::simple).toList(), m.hasBody(), m.line())).toList();
        return new KotlinClass(type.path(), type.name(), type.isInterface(), type.line(), type.imports(),
                annotations(type.annotations()), supertypes, properties, functions);
    }

    private static Type type(TypeRef ref) {
        return new Type(ref.name(), ref.arguments().stream().map(KotlinClasses::type).toList());
    }

    private static List<Annotation> annotations(List<SourceAnnotation> annotations) {
        return annotations.stream().map(a -> {
            Map<String, String> strings = new LinkedHashMap<>();
            a.values().forEach((k, v) -> {
                if (v instanceof String s) {
                    strings.put(k, s);
                }
            });
            return new Annotation(a.name(), strings);
        }).toList();
    }

    private static String simple(SourceAnnotation annotation) {
        return annotation.name().substring(annotation.name().lastIndexOf('.') + 1);
    }
}
