package io.switchover.patterns.stringtemplate;

import java.util.List;
import java.util.Optional;

/**
 * A jDBI SQL-object type (an interface or abstract class) of the service.
 *
 * @param file       its source file
 * @param name       its binary name ({@code org.example.PersonDao}, {@code org.example.Daos$PersonDao})
 * @param line       where it is declared
 * @param located    whether a StringTemplate locator annotation is on it: its statements come from a group file
 * @param resource   the group file the locator names, or empty for the one named like the type beside it
 * @param supertypes the binary names its {@code extends} may mean, most likely first
 * @param methods    its own statement methods
 */
record SqlObjectType(String file, String name, int line, boolean located, Optional<String> resource,
                     List<List<String>> supertypes, List<SqlObjectMethod> methods) {
    SqlObjectType {
        supertypes = List.copyOf(supertypes);
        methods = List.copyOf(methods);
    }

    /** Where jDBI looks for its group file: {@code org/example/PersonDao.sql.stg} unless the locator names one. */
    String groupResource() {
        return resource.map(r -> r.startsWith("/") ? r.substring(1) : r)
                .orElse(name.replace('.', '/') + ".sql.stg");
    }
}
