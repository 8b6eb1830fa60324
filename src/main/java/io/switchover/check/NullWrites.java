package io.switchover.check;

import io.switchover.patterns.SqlReferences;
import io.switchover.patterns.model.AccessPattern;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters by which a statement may write NULL into a column: those its code may bind NULL to (see
 * {@link AccessPattern#nullableParameters()}) that an INSERT puts into a listed column or an UPDATE sets a column to.
 * A NULL compared in a WHERE writes nothing, and a statement JSqlParser could not read says nothing of where its
 * parameters go.
 */
final class NullWrites {
    private NullWrites() {
    }

    static Set<Integer> of(List<AccessPattern> patterns, Optional<SqlReferences> references) {
        Set<Integer> positions = new TreeSet<>();
        if (references.isEmpty()) {
            return positions;
        }
        SqlReferences r = references.get();
        List<String> written = switch (r.kind()) {
            case INSERT, MERGE -> r.insertColumns();
            case UPDATE -> r.updateColumns();
            default -> List.of();
        };
        if (written.isEmpty()) {
            return positions;
        }
        for (AccessPattern pattern : patterns) {
            for (int position : pattern.nullableParameters().keySet()) {
                if (position < r.parameterColumns().size() && writes(r.parameterColumns().get(position), written)) {
                    positions.add(position);
                }
            }
        }
        return positions;
    }

    private static boolean writes(String bound, List<String> written) {
        if (bound == null) {
            return false;
        }
        String column = bound.substring(bound.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return written.stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).equals(column));
    }
}
