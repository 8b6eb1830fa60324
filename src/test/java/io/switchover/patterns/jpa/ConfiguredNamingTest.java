package io.switchover.patterns.jpa;

import io.switchover.patterns.ServiceSourceScanner;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The physical naming a service configures for its JPA provider decides the names its entities' statements use. */
class ConfiguredNamingTest {
    private static final String USER = """
            package p;
            import jakarta.persistence.*;
            @Entity @Table(name = "users")
            public class User { @Id Long id; private boolean loginRestricted; }
            """;

    private static List<String> entitySql(InMemorySnapshot snapshot) {
        return result(snapshot).patterns().stream().filter(p -> p.extractor().equals(JpaExtractor.ENTITY))
                .map(AccessPattern::sql).toList();
    }

    private static ExtractionResult result(InMemorySnapshot snapshot) {
        return new ServiceSourceScanner().scan(snapshot, List.of(), List.of());
    }

    private static InMemorySnapshot service(String properties) {
        return new InMemorySnapshot("service").with("src/main/java/p/User.java", USER)
                .with("src/main/resources/application.properties", properties);
    }

    @Test
    void springBootsDefaultSnakeCasesAttributeNames() {
        assertEquals("INSERT INTO users (id, login_restricted) VALUES (?, ?)",
                entitySql(service("spring.application.name=users\n")).get(0));
    }

    @Test
    void hibernatesStandardStrategyKeepsThemAsWritten() {
        assertEquals("INSERT INTO users (id, loginRestricted) VALUES (?, ?)", entitySql(service(
                "spring.jpa.hibernate.naming.physical-strategy="
                        + "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl\n")).get(0));
        assertEquals("INSERT INTO users (id, loginRestricted) VALUES (?, ?)", entitySql(service(
                "spring.jpa.properties.hibernate.physical_naming_strategy="
                        + "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl\n")).get(0));
    }

    @Test
    void aStrategyOfTheServicesOwnIsReadAsTheOneItExtendsAndSaidSo() {
        InMemorySnapshot snapshot = service("spring.jpa.hibernate.naming.physical-strategy=p.util.CustomNaming\n")
                .with("src/main/java/p/util/CustomNaming.java", """
                        package p.util;
                        import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
                        public class CustomNaming extends PhysicalNamingStrategyStandardImpl {
                        }
                        """);

        assertEquals("INSERT INTO users (id, loginRestricted) VALUES (?, ?)", entitySql(snapshot).get(0));
        assertTrue(result(snapshot).warnings().stream().anyMatch(w -> w.contains("which extends"
                + " PhysicalNamingStrategyStandardImpl")), result(snapshot).warnings().toString());
    }

    @Test
    void eclipseLinkNamesAsWritten() {
        InMemorySnapshot snapshot = new InMemorySnapshot("service").with("src/main/java/p/User.java",
                USER.replace("import jakarta.persistence.*;", "import jakarta.persistence.*;\n"
                        + "import org.eclipse.persistence.annotations.Multitenant;"));

        assertEquals("INSERT INTO users (id, loginRestricted) VALUES (?, ?)", entitySql(snapshot).get(0));
    }

    @Test
    void anUnknownStrategyLeavesSpringsDefault() {
        assertEquals("INSERT INTO users (id, login_restricted) VALUES (?, ?)", entitySql(service(
                "spring.jpa.hibernate.naming.physical-strategy=com.acme.ReverseNaming\n")).get(0));
    }

    private static final String REPORT = """
            package p;
            import jakarta.persistence.*;
            @Entity @Table(name = "report")
            public class Report { @Id Long id; private Integer hitsIn7Days; }
            """;

    @Test
    void upToSpringBoot3ADigitIsNoLowerCaseLetterBeforeACapital() {
        InMemorySnapshot boot3 = new InMemorySnapshot("service").with("src/main/java/p/Report.java", REPORT)
                .with("pom.xml", """
                        <project><parent><groupId>org.springframework.boot</groupId>
                          <artifactId>spring-boot-starter-parent</artifactId><version>3.3.4</version></parent></project>
                        """);

        assertEquals("INSERT INTO report (id, hits_in7days) VALUES (?, ?)", entitySql(boot3).get(0));
        assertEquals("INSERT INTO report (id, hits_in7days) VALUES (?, ?)", entitySql(new InMemorySnapshot("service")
                .with("src/main/java/p/Report.java", REPORT)).get(0), "a build that names no version: Hibernate 6's rule");
    }

    @Test
    void onHibernate7ItIs() {
        InMemorySnapshot boot4 = new InMemorySnapshot("service").with("src/main/java/p/Report.java", REPORT)
                .with("build.gradle.kts", """
                        plugins {
                            id("org.springframework.boot") version "4.0.0"
                        }
                        """);
        InMemorySnapshot snakeCase = new InMemorySnapshot("service").with("src/main/java/p/Report.java", REPORT)
                .with("src/main/resources/application.properties", "spring.jpa.hibernate.naming.physical-strategy="
                        + "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl\n");

        assertEquals("INSERT INTO report (id, hits_in7_days) VALUES (?, ?)", entitySql(boot4).get(0));
        assertEquals("INSERT INTO report (id, hits_in7_days) VALUES (?, ?)", entitySql(snakeCase).get(0));
    }
}
