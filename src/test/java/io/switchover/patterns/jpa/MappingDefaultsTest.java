package io.switchover.patterns.jpa;

import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mapping rules shown on small sources: naming strategies, secondary tables, composite ids, schemas, name lookup. */
class MappingDefaultsTest {
    private static final String IMPORTS = "import jakarta.persistence.*;\nimport java.util.*;\n";

    private static ExtractionResult extract(PhysicalNaming naming, String... pathsAndSources) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndSources.length; i += 2) {
            sources.put(pathsAndSources[i], pathsAndSources[i + 1]);
        }
        return new JpaExtractor(new SqlStatementClassifier(), naming).extract(sources);
    }

    private static List<String> sql(ExtractionResult result, String extractor) {
        return result.patterns().stream().filter(p -> p.extractor().equals(extractor)).map(AccessPattern::sql).toList();
    }

    private static final String COURSE = "package school;\n" + IMPORTS + """
            @Entity
            public class Course {
                @Id Long id;
                String courseTitle;
            }
            """;
    private static final String STUDENT = "package school;\n" + IMPORTS + """
            @Entity
            public class Student {
                @Id Long id;
                String firstName;
                @ManyToOne Course favouriteCourse;
                @ManyToMany Set<Course> enrolledCourses;
                @ElementCollection @OrderColumn List<String> nickNames;
            }
            """;

    @Test
    void springNamingSnakeCasesAndNamesJoinTablesAfterTheOwningAttribute() {
        ExtractionResult result = extract(PhysicalNaming.SPRING, "Course.java", COURSE, "Student.java", STUDENT);
        assertEquals(List.of(
                "INSERT INTO student (id, first_name, favourite_course_id) VALUES (?, ?, ?)",
                "UPDATE student SET first_name = ?, favourite_course_id = ? WHERE id = ?",
                "SELECT id, first_name, favourite_course_id FROM student WHERE id = ?",
                "DELETE FROM student WHERE id = ?",
                "INSERT INTO student_enrolled_courses (student_id, enrolled_courses_id) VALUES (?, ?)",
                "SELECT student_id, enrolled_courses_id FROM student_enrolled_courses WHERE student_id = ?",
                "DELETE FROM student_enrolled_courses WHERE student_id = ?",
                "INSERT INTO student_nick_names (student_id, nick_names, nick_names_order) VALUES (?, ?, ?)",
                "SELECT student_id, nick_names, nick_names_order FROM student_nick_names WHERE student_id = ?",
                "DELETE FROM student_nick_names WHERE student_id = ?"),
                sql(result, JpaExtractor.ENTITY).stream().filter(s -> s.contains("student")).toList());
    }

    @Test
    void aToOneInsideAnElementCollectionsEmbeddableIsItsForeignKeyColumn() {
        String ticket = "package desk;\n" + IMPORTS + """
                @Entity
                public class Ticket {
                    @Id Long id;
                    @ElementCollection
                    @CollectionTable(name = "ticket_assignment", joinColumns = @JoinColumn(name = "ticket_id"))
                    List<Assignment> assignments;
                }
                """;
        String assignment = "package desk;\n" + IMPORTS + """
                @Embeddable
                public class Assignment {
                    java.time.OffsetDateTime assignedAt;
                    @ManyToOne AppUser assignedBy;
                    @ManyToOne @JoinColumn(name = "reviewer") AppUser reviewedBy;
                }
                """;
        String user = "package desk;\n" + IMPORTS + "@Entity public class AppUser { @Id Long id; }\n";

        ExtractionResult result = extract(PhysicalNaming.SPRING, "Ticket.java", ticket, "Assignment.java", assignment,
                "AppUser.java", user);

        assertTrue(sql(result, JpaExtractor.ENTITY).contains("INSERT INTO ticket_assignment (ticket_id, assigned_at,"
                + " assigned_by_id, reviewer) VALUES (?, ?, ?, ?)"), sql(result, JpaExtractor.ENTITY).toString());
    }

    @Test
    void anImmutableEntityIsNeverUpdatedAndOneThatViewsAnothersTableNeverInserted() {
        String application = "package cases;\n" + IMPORTS + """
                @Entity @Table(name = "application")
                public class Application { @Id Long id; String crn; String status; }
                """;
        String lockable = "package cases;\n" + IMPORTS + """
                @Entity @Table(name = "application") @org.hibernate.annotations.Immutable
                public class LockableApplication { @Id Long id; }
                """;
        String audit = "package cases;\n" + IMPORTS + """
                @Entity @org.hibernate.annotations.Immutable
                public class AuditEntry { @Id Long id; String what; }
                """;

        List<String> sql = sql(extract(PhysicalNaming.SPRING, "Application.java", application, "LockableApplication.java",
                lockable, "AuditEntry.java", audit), JpaExtractor.ENTITY);

        assertEquals(List.of("INSERT INTO application (id, crn, status) VALUES (?, ?, ?)",
                "UPDATE application SET crn = ?, status = ? WHERE id = ?"),
                sql.stream().filter(s -> s.startsWith("INSERT INTO application") || s.startsWith("UPDATE application"))
                        .toList(), "the lock-only view of application neither inserts nor updates: " + sql);
        assertTrue(sql.contains("INSERT INTO audit_entry (id, what) VALUES (?, ?)"), sql.toString());
        assertTrue(sql.stream().noneMatch(s -> s.startsWith("UPDATE audit_entry")), sql.toString());
    }

    @Test
    void asIsNamingKeepsLogicalNamesAndNamesJoinTablesAfterBothTables() {
        ExtractionResult result = extract(PhysicalNaming.AS_IS, "Course.java", COURSE, "Student.java", STUDENT);
        assertEquals(List.of(
                "INSERT INTO Student (id, firstName, favouriteCourse_id) VALUES (?, ?, ?)",
                "UPDATE Student SET firstName = ?, favouriteCourse_id = ? WHERE id = ?",
                "SELECT id, firstName, favouriteCourse_id FROM Student WHERE id = ?",
                "DELETE FROM Student WHERE id = ?",
                "INSERT INTO Student_Course (Student_id, enrolledCourses_id) VALUES (?, ?)",
                "SELECT Student_id, enrolledCourses_id FROM Student_Course WHERE Student_id = ?",
                "DELETE FROM Student_Course WHERE Student_id = ?",
                "INSERT INTO Student_nickNames (Student_id, nickNames, nickNames_ORDER) VALUES (?, ?, ?)",
                "SELECT Student_id, nickNames, nickNames_ORDER FROM Student_nickNames WHERE Student_id = ?",
                "DELETE FROM Student_nickNames WHERE Student_id = ?"),
                sql(result, JpaExtractor.ENTITY).stream().filter(s -> s.contains("Student")).toList());
    }

    @Test
    void theOwnerJoinColumnOfAJoinTableIsNamedAfterTheInverseAttributeWhenThereIsOne() {
        String course = COURSE.replace("String courseTitle;", "String courseTitle;\n"
                + "    @ManyToMany(mappedBy = \"enrolledCourses\") Set<Student> students;");
        ExtractionResult result = extract(PhysicalNaming.SPRING, "Course.java", course, "Student.java", STUDENT);
        assertTrue(sql(result, JpaExtractor.ENTITY).contains(
                "INSERT INTO student_enrolled_courses (students_id, enrolled_courses_id) VALUES (?, ?)"));
    }

    @Test
    void physicalNamingFollowsHibernatesSnakeCaseRules() {
        assertEquals("word_with_digitd1", PhysicalNaming.SPRING.physical("wordWithDigitD1"));
        assertEquals("hello1d2", PhysicalNaming.SPRING.physical("hello1D2"));
        assertEquals("is_releasing_in12weeks", PhysicalNaming.SPRING.physical("isReleasingIn12Weeks"));
        assertEquals("word_with_digit_d1", PhysicalNaming.SNAKE_CASE.physical("wordWithDigitD1"));
        assertEquals("hello1_d2", PhysicalNaming.SNAKE_CASE.physical("hello1D2"));
        assertEquals("is_releasing_in12_weeks", PhysicalNaming.SNAKE_CASE.physical("isReleasingIn12Weeks"));
        assertEquals("urlvalue", PhysicalNaming.SNAKE_CASE.physical("URLValue"));
        assertEquals("hello3d4", PhysicalNaming.SPRING.physical("hello3d4"));
        assertEquals("urlvalue", PhysicalNaming.SPRING.physical("URLValue"));
        assertEquals("unit_price_cents", PhysicalNaming.SPRING.physical("UnitPriceCents"));
        assertEquals("order_line", PhysicalNaming.SPRING.physical("order.line"));
        assertEquals("\"FirstName\"", PhysicalNaming.SPRING.physical("`FirstName`"));
        assertEquals("\"FirstName\"", PhysicalNaming.AS_IS.physical("\"FirstName\""));
        assertEquals("URLValue", PhysicalNaming.AS_IS.physical("URLValue"));
    }

    @Test
    void secondaryTablesVersionSchemasAndInsertableFlagsShapeTheStatements() {
        String account = "package bank;\n" + IMPORTS + """
                @Entity
                @Table(name = "account", schema = "core")
                @SecondaryTable(name = "account_profile", schema = "core",
                        pkJoinColumns = @PrimaryKeyJoinColumn(name = "account_id"))
                public class Account {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                    @Version Integer version;
                    @Column(name = "iban", updatable = false) String iban;
                    @Column(insertable = false, updatable = false) String computedRank;
                    @Column(table = "account_profile") String nickname;
                }
                """;
        ExtractionResult result = extract(PhysicalNaming.SPRING, "Account.java", account);
        assertEquals(List.of(
                "INSERT INTO core.account (version, iban) VALUES (?, ?)",
                "INSERT INTO core.account_profile (account_id, nickname) VALUES (?, ?)",
                "UPDATE core.account SET version = ? WHERE id = ? AND version = ?",
                "UPDATE core.account_profile SET nickname = ? WHERE account_id = ?",
                "SELECT core.account.id, core.account.version, core.account.iban, core.account.computed_rank, "
                        + "core.account_profile.nickname FROM core.account LEFT JOIN core.account_profile "
                        + "ON core.account_profile.account_id = core.account.id WHERE core.account.id = ?",
                "DELETE FROM core.account_profile WHERE account_id = ?",
                "DELETE FROM core.account WHERE id = ? AND version = ?"),
                sql(result, JpaExtractor.ENTITY));
        assertTrue(sql(result, JpaExtractor.COLUMN).contains("SELECT nickname FROM core.account_profile"));
    }

    @Test
    void embeddedIdColumnsAreTheKeyAndAttributeOverridesRenameNestedColumns() {
        String key = "package shop;\n" + IMPORTS + """
                @Embeddable
                public class LineKey {
                    Long orderId;
                    int lineNo;
                }
                """;
        String money = "package shop;\n" + IMPORTS + """
                @Embeddable
                public class Money {
                    long amount;
                    String currency;
                }
                """;
        String line = "package shop;\n" + IMPORTS + """
                @Entity
                public class InvoiceLine {
                    @EmbeddedId LineKey key;
                    @Embedded
                    @AttributeOverrides({
                        @AttributeOverride(name = "amount", column = @Column(name = "net_amount")),
                        @AttributeOverride(name = "currency", column = @Column(name = "net_currency"))
                    })
                    Money net;
                }
                """;
        ExtractionResult result = extract(PhysicalNaming.SPRING, "LineKey.java", key, "Money.java", money,
                "InvoiceLine.java", line);
        assertEquals(List.of(
                "INSERT INTO invoice_line (order_id, line_no, net_amount, net_currency) VALUES (?, ?, ?, ?)",
                "UPDATE invoice_line SET net_amount = ?, net_currency = ? WHERE order_id = ? AND line_no = ?",
                "SELECT order_id, line_no, net_amount, net_currency FROM invoice_line WHERE order_id = ? AND line_no = ?",
                "DELETE FROM invoice_line WHERE order_id = ? AND line_no = ?"),
                sql(result, JpaExtractor.ENTITY));
    }

    @Test
    void anAmbiguousSimpleNameIsResolvedThroughTheImport() {
        String billing = "package billing;\n" + IMPORTS + "@Embeddable public class Address { String iban; }\n";
        String shipping = "package shipping;\n" + IMPORTS + "@Embeddable public class Address { String street; }\n";
        String customer = "package crm;\n" + IMPORTS + "import shipping.Address;\n" + """
                @Entity
                public class Customer {
                    @Id Long id;
                    @Embedded Address address;
                }
                """;
        ExtractionResult result = extract(PhysicalNaming.SPRING, "billing/Address.java", billing,
                "shipping/Address.java", shipping, "crm/Customer.java", customer);
        assertTrue(sql(result, JpaExtractor.ENTITY).contains("INSERT INTO customer (id, street) VALUES (?, ?)"),
                sql(result, JpaExtractor.ENTITY).toString());
    }

    @Test
    void javaxPersistenceCountsTooButAnotherEntityAnnotationDoesNot() {
        String legacy = "package old;\nimport javax.persistence.*;\n"
                + "@Entity @Table(name = \"legacy_item\") public class Item { @Id Long id; String label; }\n";
        String other = "package other;\nimport com.example.ddd.Entity;\n"
                + "@Entity public class Thing { Long id; }\n";
        ExtractionResult result = extract(PhysicalNaming.SPRING, "old/Item.java", legacy, "other/Thing.java", other);
        assertEquals(List.of("INSERT INTO legacy_item (id, label) VALUES (?, ?)",
                        "UPDATE legacy_item SET label = ? WHERE id = ?",
                        "SELECT id, label FROM legacy_item WHERE id = ?",
                        "DELETE FROM legacy_item WHERE id = ?"),
                sql(result, JpaExtractor.ENTITY));
    }

    @Test
    void aFileThatDoesNotParseIsAWarningNamingTheFile() {
        ExtractionResult result = extract(PhysicalNaming.SPRING,
                "src/Broken.java", "import jakarta.persistence.*;\n@Entity public class Broken { @Id Long id",
                "src/Fine.java", "package p;\n" + IMPORTS + "@Entity public class Fine { @Id Long id; }\n");
        assertEquals(1, result.warnings().size(), result.warnings().toString());
        assertTrue(result.warnings().get(0).startsWith("src/Broken.java: cannot parse Java"), result.warnings().get(0));
        assertTrue(sql(result, JpaExtractor.ENTITY).contains("INSERT INTO fine (id) VALUES (?)"));
    }

    @Test
    void anEntityWhoseSuperclassIsNotInTheSourcesIsAWarning() {
        ExtractionResult result = extract(PhysicalNaming.SPRING, "src/Audited.java", "package p;\n" + IMPORTS
                + "@Entity public class Audited extends com.lib.AuditedBase { @Id Long id; }\n");
        assertEquals(List.of("src/Audited.java: superclass com.lib.AuditedBase of entity Audited is not in the "
                + "sources; columns it maps are not checked"), result.warnings());
    }
}
