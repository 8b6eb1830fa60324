package io.switchover.patterns.jpa;

import java.util.List;
import java.util.Optional;

/**
 * A method of a type; for repositories only the name, the annotations and whether it has a body matter.
 *
 * @param hasBody a Java default method or a Kotlin function with a body: it runs code, not a derived query
 */
record SourceMethod(String name, List<SourceAnnotation> annotations, boolean hasBody, int line) {

    SourceMethod {
        annotations = List.copyOf(annotations);
    }

    Optional<SourceAnnotation> annotation(String simpleName) {
        return annotations.stream().filter(a -> a.is(simpleName)).findFirst();
    }
}
