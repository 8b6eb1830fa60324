package io.switchover.patterns;

import java.util.List;
import java.util.Optional;

/**
 * A class declared in a Java or Kotlin source file, as far as telling a Flyway Java-based migration needs it.
 *
 * @param packageName    the declared package, dotted ({@code db.migration}); empty for the default package
 * @param simpleName     the class name, as Flyway's {@code getClass().getSimpleName()} gives it
 * @param path           the source file, relative to the snapshot root
 * @param line           where the declaration starts
 * @param concrete       a class Flyway can instantiate (not abstract, not an interface, enum or Kotlin object)
 * @param supertypes     what it extends or implements, fully qualified where the imports or its package tell,
 *                       else as written
 * @param version        the literal {@code getVersion()} returns ({@code MigrationVersion.fromVersion("57.2")}), when
 *                       the class overrides it so
 * @param description    the literal {@code getDescription()} returns
 * @param checksum       what {@code getChecksum()} returns when it is a literal; {@code Optional.empty()} also when it
 *                       returns {@code null}
 * @param versionComputed whether it overrides {@code getVersion()} with something other than a literal
 */
public record MigrationClassSource(String packageName, String simpleName, String path, int line, boolean concrete,
                                   List<String> supertypes, Optional<String> version, Optional<String> description,
                                   Optional<Integer> checksum, boolean versionComputed) {

    public MigrationClassSource {
        supertypes = List.copyOf(supertypes);
    }

    /** The name Flyway records in {@code flyway_schema_history.script} for a Java migration. */
    public String qualifiedName() {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }
}
