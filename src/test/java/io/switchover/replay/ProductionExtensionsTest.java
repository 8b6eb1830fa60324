package io.switchover.replay;

import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProductionExtensionsTest {
    private static Optional<ProductionExtensions.Missing> explain(String state, String message) {
        return ProductionExtensions.explain(new DatabaseError(state, 0, message, FailureKind.of(state, 0)));
    }

    @Test
    void namesTheExtensionOfAMissingType() {
        assertEquals(Optional.of(new ProductionExtensions.Missing("postgis", "type geometry")),
                explain("42704", "type \"geometry\" does not exist"));
        assertEquals(Optional.of(new ProductionExtensions.Missing("citext", "type citext")),
                explain("42704", "type \"public.citext\" does not exist"));
    }

    @Test
    void namesTheExtensionOfAMissingFunctionOrOperatorClass() {
        assertEquals(Optional.of(new ProductionExtensions.Missing("uuid-ossp", "function uuid_generate_v4")),
                explain("42883", "function uuid_generate_v4() does not exist"));
        assertEquals(Optional.of(new ProductionExtensions.Missing("postgis", "function st_makepoint")),
                explain("42883", "function public.st_makepoint(numeric, numeric) does not exist"));
        assertEquals(Optional.of(new ProductionExtensions.Missing("pg_trgm", "operator class gin_trgm_ops")),
                explain("42704", "operator class \"gin_trgm_ops\" does not exist for access method \"gin\""));
    }

    @Test
    void saysNothingOfWhatNoKnownExtensionProvides() {
        assertEquals(Optional.empty(), explain("42704", "type \"money_amount\" does not exist"));
        assertEquals(Optional.empty(), explain("42883", "function compute_total(integer) does not exist"));
        assertEquals(Optional.empty(), explain("42P01", "relation \"geometry\" does not exist"));
        assertEquals(Optional.empty(), explain("42883", "operator does not exist: text = integer"));
    }
}
