package io.switchover.benchmark;

import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.UnresolvedSql;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How much of one service version's SQL the extraction resolves: its statements, the places it could not check,
 * those places counted by kind, and the first place of each kind as an example.
 */
record ServiceResolution(String service, String ref, int statements, int notChecked,
                         Map<UnresolvedKind, Integer> byKind, Map<UnresolvedKind, UnresolvedSql> examples) {

    ServiceResolution {
        byKind = Map.copyOf(byKind);
        examples = Map.copyOf(examples);
    }

    static ServiceResolution of(String service, String ref, ExtractionResult result) {
        return of(service, ref, result.patterns().size(), result.notChecked());
    }

    static ServiceResolution of(String service, String ref, int statements, List<UnresolvedSql> notChecked) {
        Map<UnresolvedKind, Integer> byKind = new EnumMap<>(UnresolvedKind.class);
        Map<UnresolvedKind, UnresolvedSql> examples = new EnumMap<>(UnresolvedKind.class);
        for (UnresolvedSql place : notChecked) {
            UnresolvedKind kind = UnresolvedKind.of(place);
            byKind.merge(kind, 1, Integer::sum);
            examples.putIfAbsent(kind, place);
        }
        return new ServiceResolution(service, ref, statements, notChecked.size(), byKind, examples);
    }

    /** statements / (statements + not checked), in percent; 100 for a service with no SQL-looking place at all. */
    double percentResolved() {
        int places = statements + notChecked;
        return places == 0 ? 100.0 : 100.0 * statements / places;
    }

    int count(UnresolvedKind kind) {
        return byKind.getOrDefault(kind, 0);
    }
}
