package io.switchover.mentions;

import io.switchover.migrations.Migration;
import io.switchover.patterns.model.ServiceVersion;
import io.switchover.timeline.EngineKind;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.SchemaObjects;
import io.switchover.timeline.SchemaState;
import io.switchover.timeline.Timeline;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MentionScannerTest {
    private static final Migration V4 = new Migration("4", "drop alice", "V4__drop_alice.sql", 0, "db/migration/V4__drop_alice.sql");
    private static final ChangedObject ALICE = new ChangedObject(ChangedObject.Kind.COLUMN, "alice", "person",
            ChangedObject.Change.REMOVED, 1, V4);
    private static final ChangedObject LEGACY = new ChangedObject(ChangedObject.Kind.TABLE, "legacy_address", null,
            ChangedObject.Change.REMOVED, 1, V4);
    private static final ServiceVersion RUNNING = new ServiceVersion("people", "v1", ServiceVersion.Role.RUNNING);

    private static List<String> found(String path, String text, ChangedObject... objects) {
        SchemaState before = new SchemaState(0, null, new SchemaCatalog(Map.of(), new SchemaObjects(Set.of(), Set.of(),
                Set.of(), Map.of("orders.status", Set.of("NEW", "PAID", "ARCHIVED")))), null, List.of());
        Timeline timeline = new Timeline("H2", EngineKind.H2, List.of(V4), List.of(), List.of(before, before), Optional.empty(),
                Duration.ZERO);
        return new MentionScanner(new MentionTargets(List.of(objects), timeline)).scan(RUNNING, path, text).stream()
                .map(m -> m.origin().line() + " " + m.context() + (m.tableNamed() ? " +table" : ""))
                .toList();
    }

    @Test
    void findsNamesInStringsThatAreNamesOrSqlAndNotInCommentsOrProse() {
        assertEquals(List.of("3 NAME_STRING +table", "4 SQL +table"), found("A.java", """
                // alice is read below
                class A { /* "alice" */
                    static final String COLUMN = "alice", TABLE = "public.person";
                    String sql = "SELECT \\"alice\\" FROM person";
                    String hello = "alice says hi";
                }
                """, ALICE));
    }

    @Test
    void anAliasTheSqlGivesAfterAsIsNoUseOfTheColumn() {
        assertEquals(List.of("3 SQL +table"), found("Report.kt", """
                fun report(where: String) = \"""
                    SELECT p.id, p.name AS alice, p.nick as "alice" FROM person p WHERE $where
                    ORDER BY alice
                \"""
                """, ALICE));
    }

    @Test
    void judgesEachLiteralOfAConcatenationAsTheWholeChain() {
        assertEquals(List.of("3 SQL +table"), found("Dao.java", """
                class Dao {
                    String sql = "UPDATE person "
                        + "   SET alice = :a "
                        + " WHERE id = :id";
                }
                """, ALICE));
    }

    @Test
    void readsKotlinTemplatesAsCodeAndTheirLiteralsAsTheString() {
        assertEquals(List.of("2 SQL"), found("Dao.kt", """
                val TABLE = "persons"
                val sql = "UPDATE $TABLE SET alice = ? WHERE ${Person.ID} = ?"
                val other = "SELECT ${Cols.alice} FROM x"
                """, ALICE));
    }

    @Test
    void findsMarkupAttributesAndConfigurationValuesButNotTheirComments() {
        assertEquals(List.of("3 NAME_STRING"), found("orm.xml", """
                <entity class="com.example.Address">
                  <!-- table legacy_address, see V12 -->
                  <table name="legacy_address"/>
                </entity>
                """, LEGACY));
        assertEquals(List.of("3 CONFIGURATION"), found("application.yml", """
                # legacy_address is exported nightly
                export:
                  table: legacy_address # until V12
                """, LEGACY));
        assertEquals(List.of("2 SQL"), found("queries.sql", """
                -- legacy_address is gone in V12
                SELECT street FROM legacy_address /* legacy_address */ WHERE id = ?;
                """, LEGACY));
    }

    @Test
    void findsJooqNamesOnlyInFilesThatUseJooq() {
        String jooq = """
                import org.jooq.DSLContext;
                import static com.example.db.Tables.LEGACY_ADDRESS;
                class Q { Object q(DSLContext dsl) { return dsl.selectFrom(LEGACY_ADDRESS).fetchInto(LegacyAddressRecord.class); } }
                """;
        assertEquals(List.of("3 GENERATED_NAME"), found("Q.java", jooq, LEGACY), "the import names what line 3 uses");
        assertEquals(List.of(), found("Q.java", jooq.replace("org.jooq", "org.example").replace(".Tables.", ".Names."),
                LEGACY));
    }

    @Test
    void findsTheConstantsOfAnEnumThatMirrorsTheDatabasesList() {
        ChangedObject archived = new ChangedObject(ChangedObject.Kind.VALUE, "ARCHIVED", "orders.status",
                ChangedObject.Change.REMOVED, 1, V4);
        assertEquals(List.of("4 ENUM_CONSTANT"), found("OrderStatus.java", """
                enum OrderStatus {
                    @Deprecated
                    NEW("n"), PAID("p"),
                    ARCHIVED("a");
                    OrderStatus(String code) { }
                }
                """, archived));
        assertEquals(List.of(), found("Shelf.java", "enum Shelf { ARCHIVED, OPEN, CLOSED }", archived));
    }

    @Property(tries = 200)
    void neverFailsOnArbitraryText(@ForAll String text) {
        for (String path : List.of("A.java", "A.kt", "a.groovy", "a.xml", "a.yml", "a.sql", "a.ftl")) {
            found(path, text + " alice legacy_address", ALICE, LEGACY);
        }
    }

    @Property
    void aWordIsNamedWhereTheRegexOfAsciiWordBoundariesFindsIt(@ForAll("texts") String text,
                                                               @ForAll("words") String word) {
        boolean regex = java.util.regex.Pattern.compile("(?<![\\w$])" + java.util.regex.Pattern.quote(word)
                + "(?![\\w$])").matcher(text).find();

        assertEquals(regex, MentionScanner.namesWord(text, word), text + " / " + word);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> texts() {
        return net.jqwik.api.Arbitraries.strings().withChars("ab_$1 .é\"(").ofMaxLength(12);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> words() {
        return net.jqwik.api.Arbitraries.strings().withChars("ab_$").ofMaxLength(3);
    }
}
