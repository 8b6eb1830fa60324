package io.switchover.patterns.jpa;

import io.switchover.patterns.model.Origin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A class or interface declared in the service's Java or Kotlin source, reduced to what JPA mapping and Spring Data
 * need. Nested types are types of their own; {@code name} is the simple name.
 *
 * @param constants the type's {@code static final String} (Java) or {@code const val} (Kotlin) values, unresolved
 */
record SourceType(String path, String packageName, List<String> imports, String name, boolean isInterface,
                  boolean isAbstract, int line, List<SourceAnnotation> annotations, TypeRef superclass,
                  List<TypeRef> interfaces, List<SourceField> fields, List<SourceMethod> methods,
                  Map<String, Object> constants) {

    SourceType {
        imports = List.copyOf(imports);
        annotations = List.copyOf(annotations);
        interfaces = List.copyOf(interfaces);
        fields = List.copyOf(fields);
        methods = List.copyOf(methods);
        constants = Map.copyOf(constants);
    }

    String qualifiedName() {
        return packageName.isEmpty() ? name : packageName + "." + name;
    }

    Optional<SourceAnnotation> annotation(String simpleName) {
        return annotations.stream().filter(a -> a.is(simpleName)).findFirst();
    }

    boolean has(String simpleName) {
        return annotation(simpleName).isPresent();
    }

    Origin origin() {
        return new Origin(path, line);
    }

    Origin origin(int atLine) {
        return new Origin(path, atLine);
    }
}
