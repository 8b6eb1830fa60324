package io.switchover.patterns;

import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HibernateGenerationTest {

    private static OptionalInt of(InMemorySnapshot snapshot, String... sourceRoots) {
        return HibernateGeneration.of(BuildFiles.read(snapshot, List.of(sourceRoots)));
    }

    @Test
    void springBootsParentNamesTheHibernateItBrings() {
        String pom = """
                <project>
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>%s</version>
                  </parent>
                </project>
                """;
        assertEquals(OptionalInt.of(5), of(new InMemorySnapshot("s").with("pom.xml", pom.formatted("2.7.18"))));
        assertEquals(OptionalInt.of(6), of(new InMemorySnapshot("s").with("pom.xml", pom.formatted("3.2.5"))));
        assertEquals(OptionalInt.of(7), of(new InMemorySnapshot("s").with("pom.xml", pom.formatted("4.0.0"))));
    }

    @Test
    void anExplicitHibernateVersionWinsOverSpringBoots() {
        InMemorySnapshot snapshot = new InMemorySnapshot("s").with("build.gradle.kts", """
                plugins { id("org.springframework.boot") version "3.3.0" }
                dependencies { implementation("org.hibernate.orm:hibernate-core:7.1.2.Final") }
                """);
        assertEquals(OptionalInt.of(7), of(snapshot));
    }

    @Test
    void propertiesAndVersionCatalogsAreFollowed() {
        assertEquals(OptionalInt.of(6), of(new InMemorySnapshot("s").with("pom.xml", """
                <project>
                  <properties><spring-boot.version>3.1.2</spring-boot.version></properties>
                  <dependencyManagement><dependencies><dependency>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-dependencies</artifactId>
                    <version>${spring-boot.version}</version>
                  </dependency></dependencies></dependencyManagement>
                </project>
                """)));
        assertEquals(OptionalInt.of(5), of(new InMemorySnapshot("s")
                .with("build.gradle", "plugins { id 'org.springframework.boot' version \"$springBootVersion\" }\n")
                .with("gradle.properties", "springBootVersion=2.6.3\n")));
        assertEquals(OptionalInt.of(7), of(new InMemorySnapshot("s").with("gradle/libs.versions.toml", """
                [versions]
                spring-boot = "4.0.1"
                [plugins]
                spring-boot = { id = "org.springframework.boot", version.ref = "spring-boot" }
                """)));
    }

    @Test
    void aModulesOwnBuildFileCountsAndOtherModulesDoNot() {
        InMemorySnapshot snapshot = new InMemorySnapshot("s")
                .with("app/build.gradle.kts", "plugins { id(\"org.springframework.boot\") version \"4.0.0\" }\n")
                .with("legacy/build.gradle.kts", "plugins { id(\"org.springframework.boot\") version \"2.1.0\" }\n");
        assertEquals(OptionalInt.of(7), of(snapshot, "app/src/main/kotlin"));
        assertEquals(OptionalInt.empty(), of(snapshot), "the root has no build file of its own");
    }

    @Test
    void aBuildThatNamesNoVersionSaysNothing() {
        assertEquals(OptionalInt.empty(), of(new InMemorySnapshot("s").with("pom.xml",
                "<project><artifactId>app</artifactId><version>1.0.0</version></project>")));
    }
}
