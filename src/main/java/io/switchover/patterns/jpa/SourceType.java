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
                  Map<String, Object> constants, List<String> staticImports) {

    SourceType {
        imports = List.copyOf(imports);
        staticImports = List.copyOf(staticImports);
        annotations = List.copyOf(annotations);
        interfaces = List.copyOf(interfaces);
        fields = List.copyOf(fields);
        methods = List.copyOf(methods);
        constants = Map.copyOf(constants);
    }

    SourceType(String path, String packageName, List<String> imports, String name, boolean isInterface,
               boolean isAbstract, int line, List<SourceAnnotation> annotations, TypeRef superclass,
               List<TypeRef> interfaces, List<SourceField> fields, List<SourceMethod> methods,
               Map<String, Object> constants) {
        this(path, packageName, imports, name, isInterface, isAbstract, line, annotations, superclass, interfaces,
                fields, methods, constants, List.of());
    }

    /** The same type, with its file's static imports ({@code a.b.Queries.SELECT_X}, {@code a.b.Queries.*}). */
    SourceType withStaticImports(List<String> names) {
        return new SourceType(path, packageName, imports, name, isInterface, isAbstract, line, annotations, superclass,
                interfaces, fields, methods, constants, names);
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
