package io.switchover.patterns.jpa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All types of the service by name, so that a mapping in one file can refer to a class in another. A simple name
 * declared once anywhere resolves to that type; when several types share it, the file's explicit import, then its
 * own package, then its wildcard imports decide, and failing that the name stays unresolved rather than guessed.
 */
final class TypeIndex {
    private final Map<String, SourceType> byQualifiedName = new HashMap<>();
    private final Map<String, List<SourceType>> bySimpleName = new HashMap<>();

    TypeIndex(List<SourceType> types) {
        for (SourceType type : types) {
            byQualifiedName.putIfAbsent(type.qualifiedName(), type);
            bySimpleName.computeIfAbsent(type.name(), n -> new ArrayList<>()).add(type);
        }
    }

    Optional<SourceType> resolve(TypeRef ref, SourceType context) {
        return resolve(ref.name(), context);
    }

    Optional<SourceType> resolve(String written, SourceType context) {
        if (written == null || written.isEmpty()) {
            return Optional.empty();
        }
        String name = written.replace("[]", "");
        SourceType qualified = byQualifiedName.get(name);
        if (qualified != null) {
            return Optional.of(qualified);
        }
        String simple = name.substring(name.lastIndexOf('.') + 1);
        List<SourceType> candidates = bySimpleName.getOrDefault(simple, List.of());
        if (candidates.size() <= 1) {
            return candidates.stream().findFirst();
        }
        for (String imported : context.imports()) {
            if (imported.equals(name) || imported.endsWith("." + simple)) {
                SourceType found = byQualifiedName.get(imported);
                if (found != null) {
                    return Optional.of(found);
                }
            }
        }
        List<SourceType> samePackage = candidates.stream()
                .filter(c -> c.packageName().equals(context.packageName())).toList();
        if (samePackage.size() == 1) {
            return Optional.of(samePackage.get(0));
        }
        for (String imported : context.imports()) {
            if (imported.endsWith(".*")) {
                SourceType found = byQualifiedName.get(imported.substring(0, imported.length() - 1) + simple);
                if (found != null) {
                    return Optional.of(found);
                }
            }
        }
        return Optional.empty();
    }

    /** The text of an annotation value: a literal, a constant (of this or another type) or a concatenation. */
    Optional<String> string(Object value, SourceType context) {
        return string(value, context, new HashSet<>());
    }

    private Optional<String> string(Object value, SourceType context, Set<String> resolving) {
        if (value instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof SourceAnnotation.Concat concat) {
            StringBuilder text = new StringBuilder();
            for (Object part : concat.parts()) {
                Optional<String> resolved = string(part, context, resolving);
                if (resolved.isEmpty()) {
                    return Optional.empty();
                }
                text.append(resolved.get());
            }
            return Optional.of(text.toString());
        }
        if (value instanceof SourceAnnotation.Symbol symbol) {
            String text = symbol.text();
            int dot = text.lastIndexOf('.');
            String constant = text.substring(dot + 1);
            Optional<SourceType> owner = dot < 0 ? ownerOf(constant, context, new HashSet<>())
                    : resolve(text.substring(0, dot), context);
            if (owner.isEmpty() || !owner.get().constants().containsKey(constant)
                    || !resolving.add(owner.get().qualifiedName() + "." + constant)) {
                return Optional.empty();
            }
            return string(owner.get().constants().get(constant), owner.get(), resolving);
        }
        return Optional.empty();
    }

    /**
     * The type a constant named without its type comes from, as the compiler finds it: the type itself, the types it
     * extends or implements (an interface's constants), then the file's static imports ({@code @Query("..." +
     * SELECT_LATEST)} over {@code import static ....QueryConstants.SELECT_LATEST}).
     */
    private Optional<SourceType> ownerOf(String constant, SourceType type, Set<String> seen) {
        if (!seen.add(type.qualifiedName())) {
            return Optional.empty();
        }
        if (type.constants().containsKey(constant)) {
            return Optional.of(type);
        }
        List<TypeRef> supertypes = new ArrayList<>(type.interfaces());
        supertypes.add(type.superclass());
        for (TypeRef supertype : supertypes) {
            Optional<SourceType> found = resolve(supertype, type).flatMap(t -> ownerOf(constant, t, seen));
            if (found.isPresent()) {
                return found;
            }
        }
        for (String imported : type.staticImports()) {
            int dot = imported.lastIndexOf('.');
            String member = imported.substring(dot + 1);
            if (dot > 0 && (member.equals(constant) || member.equals("*"))) {
                Optional<SourceType> holder = resolve(imported.substring(0, dot), type)
                        .filter(t -> t.constants().containsKey(constant));
                if (holder.isPresent()) {
                    return holder;
                }
            }
        }
        return Optional.empty();
    }
}
