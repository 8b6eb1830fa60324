package io.switchover.patterns.jpa;

import java.util.Optional;
import java.util.Set;

/**
 * Whether Hibernate may write NULL into the column a field maps: it does whenever the field is null, and a field of a
 * type that holds null (a Java reference type, a Kotlin {@code T?}) may be, unless the mapping or a validation
 * annotation says it never is. A primitive or Kotlin non-null type always holds a value.
 */
final class NullableFields {
    /** Annotations that reject a null field before Hibernate writes it, or fill it in themselves. */
    private static final Set<String> NEVER_NULL = Set.of("NotNull", "NonNull", "Nonnull", "NotBlank", "NotEmpty",
            "CreationTimestamp", "UpdateTimestamp", "CreatedDate", "LastModifiedDate", "CreatedBy", "LastModifiedBy",
            "Generated", "Version", "Id");

    private NullableFields() {
    }

    /** Why the field may be written as NULL, as a short phrase for a finding; empty when it is always set. */
    static Optional<String> why(SourceField field, Optional<SourceAnnotation> column) {
        if (!field.type().holdsNull() || NEVER_NULL.stream().anyMatch(field::has)) {
            return Optional.empty();
        }
        if (!column.map(c -> c.flag("nullable", true)).orElse(true)
                || !field.annotation("Basic").map(b -> b.flag("optional", true)).orElse(true)) {
            return Optional.empty();
        }
        return Optional.of(field.type().simpleName() + " " + field.name()
                + " may be null: no nullable = false or @NotNull");
    }
}
