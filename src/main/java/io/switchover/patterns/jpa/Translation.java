package io.switchover.patterns.jpa;

import java.util.List;

/**
 * What a query of the JPA world becomes in SQL: statements to probe, and what could not be translated, with why.
 *
 * @param exact whether {@code statements} is the query itself; otherwise they are synthesized probes that check that
 *              the tables and columns it references exist
 */
record Translation(List<String> statements, boolean exact, List<String> problems) {

    Translation {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
    }

    static Translation of(String sql) {
        return new Translation(List.of(sql), true, List.of());
    }

    static Translation failed(String problem) {
        return new Translation(List.of(), false, List.of(problem));
    }
}
