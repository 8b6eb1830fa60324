package io.switchover.patterns.stringtemplate;

import java.util.List;
import java.util.Map;

/**
 * A StringTemplate group file as read from the service's resources.
 *
 * @param file          its path in the snapshot
 * @param resource      its path on the classpath ({@code org/example/dao/PersonDao.sql.stg})
 * @param imports       the groups it imports ({@code import "..."}, or an ST3 {@code group name : parent;}), as
 *                      written
 * @param templates     its templates by name
 * @param problem       why part of the file could not be read, or empty: templates after that point are missing
 */
record TemplateGroup(String file, String resource, List<String> imports, Map<String, Template> templates,
                     String problem) {
    TemplateGroup {
        imports = List.copyOf(imports);
        templates = Map.copyOf(templates);
    }
}
