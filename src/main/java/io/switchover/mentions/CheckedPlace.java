package io.switchover.mentions;

import io.switchover.patterns.SqlReferences;
import io.switchover.patterns.model.Origin;

import java.util.List;
import java.util.Optional;

/**
 * A statement the probes checked, as the safety net sees it: its SQL, every place it is issued from, and what it
 * references (empty where it was not parsed, which happens only when it names no table the batch changes).
 */
public record CheckedPlace(String sql, List<Origin> origins, Optional<SqlReferences> references) {
}
