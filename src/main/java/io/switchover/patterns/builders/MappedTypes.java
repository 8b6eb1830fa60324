package io.switchover.patterns.builders;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The classes, records and enums of a service's parsed Java files, by simple name, and what mapping frameworks read
 * of them: their properties (fields, or a record's components), annotation strings, element types of collections.
 */
final class MappedTypes {
    private static final int MAX_DEPTH = 6;
    private static final Set<String> COLLECTIONS = Set.of("List", "Set", "Collection", "Iterable", "SortedSet",
            "Map", "SortedMap");

    /** A persistent property candidate: a non-static field or a record component. */
    record Property(String name, Type type, NodeList<AnnotationExpr> annotations, boolean isTransient, int line) {
        Optional<AnnotationExpr> annotation(String simpleName) {
            return annotations.stream().filter(a -> a.getName().getIdentifier().equals(simpleName)
                    || a.getNameAsString().endsWith("." + simpleName)).findFirst();
        }

        boolean has(String simpleName) {
            return annotation(simpleName).isPresent();
        }
    }

    private final Map<String, TypeDeclaration<?>> types = new HashMap<>();
    private final Map<TypeDeclaration<?>, String> paths = new HashMap<>();

    MappedTypes(Map<String, CompilationUnit> units) {
        for (Map.Entry<String, CompilationUnit> unit : units.entrySet()) {
            for (TypeDeclaration<?> type : unit.getValue().findAll(TypeDeclaration.class)) {
                types.putIfAbsent(type.getNameAsString(), type);
                paths.put(type, unit.getKey());
            }
        }
    }

    Optional<TypeDeclaration<?>> byName(String simpleName) {
        String name = simpleName.substring(simpleName.lastIndexOf('.') + 1);
        return Optional.ofNullable(types.get(name));
    }

    String path(TypeDeclaration<?> type) {
        return paths.getOrDefault(type, "");
    }

    boolean isEnum(Type type) {
        return byName(simpleName(type)).filter(t -> t instanceof EnumDeclaration).isPresent();
    }

    /** A class or record of the sources (not an enum): what a framework maps as an entity of its own. */
    Optional<TypeDeclaration<?>> entityType(Type type) {
        return byName(simpleName(type)).filter(t -> t instanceof ClassOrInterfaceDeclaration c && !c.isInterface()
                || t instanceof RecordDeclaration);
    }

    /** The properties of a class and of its superclasses in the sources, the topmost's first. */
    List<Property> properties(TypeDeclaration<?> type) {
        List<Property> properties = new ArrayList<>();
        collect(type, properties, 0);
        return properties;
    }

    private void collect(TypeDeclaration<?> type, List<Property> into, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (type instanceof ClassOrInterfaceDeclaration declaration && declaration.getExtendedTypes().isNonEmpty()) {
            byName(declaration.getExtendedTypes().get(0).getNameAsString())
                    .ifPresent(parent -> collect(parent, into, depth + 1));
        }
        if (type instanceof RecordDeclaration record) {
            record.getParameters().forEach(p -> into.add(new Property(p.getNameAsString(), p.getType(),
                    p.getAnnotations(), false, line(p))));
            return;
        }
        for (FieldDeclaration field : type.getFields()) {
            if (field.isStatic()) {
                continue;
            }
            for (VariableDeclarator variable : field.getVariables()) {
                into.add(new Property(variable.getNameAsString(), variable.getType(), field.getAnnotations(),
                        field.isTransient(), line(variable)));
            }
        }
    }

    static String simpleName(Type type) {
        if (type instanceof ClassOrInterfaceType classType) {
            return classType.getNameAsString();
        }
        return type.asString();
    }

    /** {@code List<X>}, {@code Set<X>}, {@code Map<K, X>}: X; anything else: empty. */
    static Optional<Type> element(Type type) {
        if (type instanceof ClassOrInterfaceType classType && COLLECTIONS.contains(classType.getNameAsString())) {
            return classType.getTypeArguments().filter(a -> a.isNonEmpty()).map(a -> a.get(a.size() - 1));
        }
        return Optional.empty();
    }

    static boolean isMap(Type type) {
        return simpleName(type).endsWith("Map");
    }

    static boolean isList(Type type) {
        return simpleName(type).equals("List");
    }

    /** The string an annotation gives under one of the keys ({@code value} for {@code @A("x")}). */
    static Optional<String> string(AnnotationExpr annotation, String... keys) {
        for (String key : keys) {
            Optional<Expression> value = value(annotation, key);
            if (value.isPresent() && value.get() instanceof StringLiteralExpr literal && !literal.asString().isEmpty()) {
                return Optional.of(literal.asString());
            }
        }
        return Optional.empty();
    }

    static Optional<Expression> value(AnnotationExpr annotation, String key) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return key.equals("value") ? Optional.of(single.getMemberValue()) : Optional.empty();
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals(key)) {
                    return Optional.of(pair.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** {@code fullName} as {@code full_name}: the snake-case default of Spring Data JDBC and Micronaut Data. */
    static String snake(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static int line(Node node) {
        return node.getBegin().map(p -> p.line).orElse(1);
    }

    /**
     * The properties of an {@code @Embedded} value, known to derived queries as Spring Data's PartTree reads them:
     * {@code findTopByBehandlingIdOrderBySporbarOpprettetTidDesc} is {@code sporbar.opprettetTid}.
     */
    static void embeddedProperties(String holder, Map<String, String> nested, Map<String, String> into) {
        nested.forEach((name, column) -> into.putIfAbsent(holder + Character.toUpperCase(name.charAt(0))
                + name.substring(1), column));
    }
}
