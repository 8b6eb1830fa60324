package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchPlanner;
import io.switchover.migrations.MigrationReader;
import io.switchover.snapshot.InMemorySnapshot;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.Timeline;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every column type gets a value it accepts on the MariaDB server (127.0.0.1:3306, strict mode as installed), in a
 * database of the replay's own: a label of an ENUM or SET, {@code {}} for JSON, the text of a UUID or an address.
 */
class ProbeValuesOnMariaDbTest {
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/mysql?user=root";

    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("mood", "ENUM('happy', 'sad')");
        TYPES.put("flags", "SET('red', 'green')");
        TYPES.put("doc", "JSON");
        TYPES.put("id", "UUID");
        TYPES.put("address", "INET6");
        TYPES.put("address4", "INET4");
        TYPES.put("born", "YEAR");
        TYPES.put("fraction", "DECIMAL(3,3)");
        TYPES.put("bits", "BIT(3)");
        TYPES.put("at", "DATETIME(3)");
        TYPES.put("stamp", "TIMESTAMP NULL");
        TYPES.put("day", "DATE");
        TYPES.put("clock", "TIME");
        TYPES.put("code", "CHAR(2)");
        TYPES.put("count", "INT UNSIGNED");
        TYPES.put("active", "BOOLEAN");
    }

    @TestFactory
    List<DynamicTest> eachTypeGetsAValueItAccepts() {
        Assumptions.assumeTrue(up(), "MariaDB on 127.0.0.1:3306");
        StringBuilder table = new StringBuilder("CREATE TABLE holder (");
        TYPES.forEach((column, type) -> table.append(column).append(' ').append(type).append(", "));
        table.setLength(table.length() - 2);
        table.append(");");
        InMemorySnapshot prod = new InMemorySnapshot("prod").with("db/migration/V1__types.sql", table.toString());
        InMemorySnapshot candidate = prod.next("cand").with("db/migration/V2__other.sql", "CREATE TABLE other (id INT);");
        List<ProbeStatement> statements = new ArrayList<>();
        for (String column : TYPES.keySet()) {
            statements.add(new ProbeStatement("INSERT INTO holder (" + column + ") VALUES (?)", List.of("holder"),
                    List.of("holder." + column), true));
        }
        MigrationReader reader = new MigrationReader("mariadb");
        Batch batch = new BatchPlanner().plan(reader.read(prod, List.of()), reader.read(candidate, List.of()));
        ServerEngine engine = ServerEngine.mariadb(ServerUrl.parse(MARIADB, "test"), Credentials.of("root", null),
                Duration.ofHours(1));
        Timeline timeline = new TimelineReplayer(engine).replay(batch, statements);

        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> type : TYPES.entrySet()) {
            int at = i++;
            tests.add(DynamicTest.dynamicTest(type.getValue(), () -> assertNull(
                    timeline.initial().outcomes().get(at).error(), timeline.statements().get(at).jdbcSql())));
        }
        return tests;
    }

    private static boolean up() {
        try (var connection = DriverManager.getConnection(MARIADB)) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
