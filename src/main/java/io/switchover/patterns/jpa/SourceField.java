package io.switchover.patterns.jpa;

import java.util.List;
import java.util.Optional;

/**
 * A field (Java) or property (Kotlin) of a class, with the facts JPA mapping needs.
 *
 * @param isTransient the Java {@code transient} modifier (the annotation is among {@code annotations})
 */
record SourceField(String name, TypeRef type, List<SourceAnnotation> annotations, boolean isStatic,
                   boolean isTransient, int line) {

    SourceField {
        annotations = List.copyOf(annotations);
    }

    Optional<SourceAnnotation> annotation(String simpleName) {
        return annotations.stream().filter(a -> a.is(simpleName)).findFirst();
    }

    boolean has(String simpleName) {
        return annotation(simpleName).isPresent();
    }
}
