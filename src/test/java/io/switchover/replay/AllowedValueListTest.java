package io.switchover.replay;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AllowedValueListTest {

    @Test
    void readsTheListsEachDatabaseGivesBack() {
        AllowedValueList expected = new AllowedValueList("status", Set.of("NEW", "it's"));
        assertEquals(Optional.of(expected), AllowedValueList.parse(
                "CHECK (((status)::text = ANY ((ARRAY['NEW'::character varying, 'it''s'::character varying])::text[])))"));
        assertEquals(Optional.of(expected), AllowedValueList.parse("CHECK ((status = ANY (ARRAY['NEW'::text, 'it''s'::text])))"));
        assertEquals(Optional.of(expected), AllowedValueList.parse("\"STATUS\" IN('NEW', 'it''s')"));
        assertEquals(Optional.of(expected), AllowedValueList.parse("`status` in ('NEW','it''s')"));
        assertEquals(Optional.of(expected), AllowedValueList.parse("status IS NULL OR status IN ('NEW', 'it''s')"));
        assertEquals(Optional.of(new AllowedValueList("kind", Set.of("retail"))),
                AllowedValueList.parse("CHECK (((kind)::text = 'retail'::text))"));
    }

    @Test
    void ignoresConstraintsThatAreNotAListOfValues() {
        assertEquals(Optional.empty(), AllowedValueList.parse("CHECK ((amount > 0))"));
        assertEquals(Optional.empty(), AllowedValueList.parse("CHECK ((a IN ('x')) AND (b > 1))"));
        assertEquals(Optional.empty(), AllowedValueList.parse("a IS NULL OR b IN ('x')"));
        assertEquals(Optional.empty(), AllowedValueList.parse(null));
    }
}
