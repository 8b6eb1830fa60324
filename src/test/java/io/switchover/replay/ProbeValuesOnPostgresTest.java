package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchPlanner;
import io.switchover.migrations.MigrationReader;
import io.switchover.snapshot.InMemorySnapshot;
import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.Timeline;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every column type gets a value it accepts, on real PostgreSQL (embedded): bound to a column the statement names,
 * and bound where only the driver's parameter metadata says the type (a statement JSqlParser could not read). A probe
 * that fails on a made-up value tells nothing about the batch.
 */
class ProbeValuesOnPostgresTest {
    @RegisterExtension
    static final SharedEmbeddedPostgres POSTGRES = new SharedEmbeddedPostgres();

    /** Column name to its type; each one a test. */
    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("at_tz", "timestamptz");
        TYPES.put("at", "timestamp");
        TYPES.put("day", "date");
        TYPES.put("clock", "time");
        TYPES.put("clock_tz", "timetz");
        TYPES.put("span", "interval");
        TYPES.put("mood", "mood");
        TYPES.put("moods", "mood[]");
        TYPES.put("tags", "text[]");
        TYPES.put("scores", "int[]");
        TYPES.put("doc", "json");
        TYPES.put("docb", "jsonb");
        TYPES.put("address", "inet");
        TYPES.put("network", "cidr");
        TYPES.put("mac", "macaddr");
        TYPES.put("price", "money");
        TYPES.put("flags", "bit(3)");
        TYPES.put("flag", "bit");
        TYPES.put("more_flags", "varbit(4)");
        TYPES.put("id", "uuid");
        TYPES.put("ages", "int4range");
        TYPES.put("amounts", "numrange");
        TYPES.put("period", "tstzrange");
        TYPES.put("days", "daterange");
        TYPES.put("fraction", "numeric(3,3)");
        TYPES.put("amount", "numeric(4,2)");
        TYPES.put("place", "point");
        TYPES.put("search", "tsvector");
        TYPES.put("markup", "xml");
        TYPES.put("positive", "positive_int");
        TYPES.put("code", "upper_code");
        TYPES.put("currency", "currency");
        TYPES.put("bounded", "between_ten_and_twenty");
        TYPES.put("happy", "happy_mood");
        TYPES.put("small_positive", "small_positive");
    }

    private static final String SCHEMA = """
            CREATE TYPE mood AS ENUM ('happy', 'sad');
            CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
            CREATE DOMAIN upper_code AS varchar(5) CHECK (VALUE ~ '^[A-Z]+$');
            CREATE DOMAIN currency AS char(3) CHECK (VALUE IN ('EUR', 'USD'));
            CREATE DOMAIN between_ten_and_twenty AS bigint CHECK (VALUE >= 10 AND VALUE <= 20);
            CREATE DOMAIN happy_mood AS mood CHECK (VALUE = 'sad');
            CREATE DOMAIN small_positive AS positive_int CHECK (VALUE < 5);
            """;

    @TestFactory
    List<DynamicTest> eachTypeGetsAValueItAccepts() {
        StringBuilder table = new StringBuilder(SCHEMA).append("CREATE TABLE holder (");
        TYPES.forEach((column, type) -> table.append(column).append(' ').append(type).append(", "));
        table.setLength(table.length() - 2);
        table.append(");");
        InMemorySnapshot prod = new InMemorySnapshot("prod").with("db/migration/V1__types.sql", table.toString());
        InMemorySnapshot candidate = prod.next("cand").with("db/migration/V2__other.sql",
                "CREATE TABLE other (id bigint);");

        List<ProbeStatement> statements = new ArrayList<>();
        for (String column : TYPES.keySet()) {
            String insert = "INSERT INTO holder (" + column + ") VALUES (?)";
            statements.add(new ProbeStatement(insert, List.of("holder"), List.of("holder." + column), true));
            statements.add(ProbeStatement.fromWords(insert, true));
            // json, point and xml have no "=", and a domain over an enum none PostgreSQL can pick for a parameter:
            // the old code cannot compare them so either.
            String compared = List.of("doc", "place", "markup", "happy").contains(column) ? "id" : column;
            statements.add(ProbeStatement.fromWords("SELECT count(*) FROM holder WHERE " + compared + " = ?", true));
        }
        MigrationReader reader = new MigrationReader();
        Batch batch = new BatchPlanner().plan(reader.read(prod, List.of()), reader.read(candidate, List.of()));
        Timeline timeline = new TimelineReplayer(POSTGRES.engine()).replay(batch, statements);

        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> type : TYPES.entrySet()) {
            int at = i;
            tests.add(DynamicTest.dynamicTest(type.getValue(), () -> {
                for (int k = 0; k < 3; k++) {
                    ProbeStatement statement = timeline.statements().get(at + k);
                    DatabaseError error = timeline.initial().outcomes().get(at + k).error();
                    assertNull(error, () -> statement.jdbcSql() + (statement.parameterColumns().isEmpty()
                            ? " (typed by the driver)" : " (typed by the column)") + ": " + error);
                }
            }));
            i += 3;
        }
        return tests;
    }
}
