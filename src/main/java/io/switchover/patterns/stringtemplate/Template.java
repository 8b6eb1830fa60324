package io.switchover.patterns.stringtemplate;

import java.util.List;
import java.util.Map;

/**
 * One template of a group file: {@code name(parameters) ::= <<body>>}.
 *
 * @param defaults the parameters' default values written as strings ({@code b="x"}), by name
 * @param line     where its definition starts in the group file
 */
record Template(String name, List<String> parameters, Map<String, String> defaults, String body, int line) {
    Template {
        parameters = List.copyOf(parameters);
        defaults = Map.copyOf(defaults);
    }
}
