package io.switchover.rules;

import io.switchover.replay.SharedEmbeddedPostgres;
import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static io.switchover.rules.NullWrittenToNotNullColumnTest.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The NULL an old JPA entity may write, refused by a column the batch makes NOT NULL, on embedded PostgreSQL and on
 * the MariaDB server (127.0.0.1:3306, root), where the replay's own NULL probe meets the real not-null check.
 */
class NullWrittenOnServersTest {
    private static final String ENTITY = "src/main/java/com/example/Parcel.java";
    private static final String RULE = "null-written-to-not-null-column";
    @RegisterExtension
    static final SharedEmbeddedPostgres POSTGRES = new SharedEmbeddedPostgres();

    private static Report check(io.switchover.replay.ReplayEngine engine, String field, String migration) {
        return RuleScenario.production(NullWrittenToNotNullColumnTest.SCHEMA).on(engine)
                .productionFile(ENTITY, entity(field)).candidateFile(ENTITY, entity("private int weight;"))
                .migrate("weight_required", migration).check();
    }

    private static List<String> insertsFlagged(Report report) {
        return report.findings().stream().filter(f -> f.rule().equals(RULE))
                .map(f -> f.pattern().sql()).filter(sql -> sql.startsWith("INSERT")).toList();
    }

    @Test
    void flagsTheBoxedFieldOnPostgres() {
        Report report = check(POSTGRES.engine(), "private Integer weight;", NullWrittenToNotNullColumnTest.NOT_NULL);

        assertEquals(List.of("INSERT INTO parcel (id, weight) VALUES (?, ?)"), insertsFlagged(report),
                report.findings().toString());
        assertEquals(Verdict.FAIL, report.verdict());
    }

    @Test
    void acceptsThePrimitiveFieldOnPostgres() {
        Report report = check(POSTGRES.engine(), "private int weight;", NullWrittenToNotNullColumnTest.NOT_NULL);

        assertEquals(List.of(), report.findings().stream().filter(f -> f.rule().equals(RULE)).toList());
    }

    @Test
    void acceptsATriggerThatFillsTheNullInOnPostgres() {
        Report report = check(POSTGRES.engine(), "private Integer weight;", """
                CREATE FUNCTION parcel_weight() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN NEW.weight := coalesce(NEW.weight, 0); RETURN NEW; END $$;
                CREATE TRIGGER parcel_weight BEFORE INSERT ON parcel FOR EACH ROW EXECUTE FUNCTION parcel_weight();
                """ + NullWrittenToNotNullColumnTest.NOT_NULL);

        assertEquals(List.of(), insertsFlagged(report), report.findings().toString());
    }

    @Test
    void flagsTheBoxedFieldOnMariaDb() {
        Report report = check(MariaDbDdlTest.mariadb(), "private Integer weight;", "UPDATE parcel SET weight = 0 WHERE weight IS NULL;\n"
                + "ALTER TABLE parcel MODIFY COLUMN weight INT NOT NULL;");

        assertEquals(List.of("INSERT INTO parcel (id, weight) VALUES (?, ?)"), insertsFlagged(report),
                report.findings().toString());
    }

    @Test
    void acceptsThePrimitiveFieldOnMariaDb() {
        Report report = check(MariaDbDdlTest.mariadb(), "private int weight;", "UPDATE parcel SET weight = 0 WHERE weight IS NULL;\n"
                + "ALTER TABLE parcel MODIFY COLUMN weight INT NOT NULL;");

        assertEquals(List.of(), report.findings().stream().filter(f -> f.rule().equals(RULE)).toList());
    }
}
