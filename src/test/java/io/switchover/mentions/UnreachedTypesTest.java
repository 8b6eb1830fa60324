package io.switchover.mentions;

import io.switchover.patterns.model.ServiceVersion;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which files of a version nothing else in it reaches: only plain types, named by no other file. */
class UnreachedTypesTest {

    private static final String CONTRACT = """
            package com.example.orders.warehouse;

            import java.util.List;

            /** The columns streamed to the warehouse; WarehouseContractTest holds the schema to it. */
            public final class WarehouseContract {
                static final String TABLE = "customer_order";
                static final List<String> COLUMNS = List.of("id", "placed_at", "legacy_channel"); // {
            }
            """;

    @Test
    void plainTypesOfJavaAndKotlin() {
        assertEquals(Optional.of(List.of("WarehouseContract")), UnreachedTypes.plainTypes(CONTRACT, false));
        assertEquals(Optional.of(List.of("DatastreamKontrakt")), UnreachedTypes.plainTypes("""
                package no.nav.x
                import no.nav.bigquery.Kolonne
                object DatastreamKontrakt {
                    val tabeller = listOf(Tabell(navn = "oppfolgingstatus", kolonner = listOf(Kolonne("enhet"))))
                }
                """, true));
        assertEquals(Optional.of(List.of("Row", "Kind")), UnreachedTypes.plainTypes(
                "data class Row(val id: Long, val name: String)\nenum class Kind { A, B }\n", true));
        assertEquals(Optional.of(List.of("Columns")), UnreachedTypes.plainTypes(
                "record Columns(String table, String column) { static final char OPEN = '{'; }", false));
    }

    @Test
    void whatAFrameworkOrACallerFindsWithoutTheTypesNameIsNeverPlain() {
        assertEquals(Optional.empty(), UnreachedTypes.plainTypes(
                "@Repository\npublic class PersonDao { String q = \"SELECT name FROM person\"; }", false), "a bean");
        assertEquals(Optional.empty(), UnreachedTypes.plainTypes(
                "interface PersonRepository extends CrudRepository<Person, Long> { }", false), "Spring Data's");
        assertEquals(Optional.empty(), UnreachedTypes.plainTypes(
                "class PersonDao(private val jdbc: Jdbc) : Dao() { }", true), "a Kotlin supertype");
        assertEquals(Optional.empty(), UnreachedTypes.plainTypes(
                "object Sql { }\nfun findAll() = \"SELECT name FROM person\"\n", true), "a top-level function");
        assertEquals(Optional.empty(), UnreachedTypes.plainTypes(
                "@file:JvmName(\"Queries\")\nobject Sql { }\n", true), "an annotated file");
        assertEquals(Optional.empty(), UnreachedTypes.plainTypes(
                "const val FIND = \"SELECT name FROM person\"\n", true), "no type at all");
        assertEquals(Optional.of(List.of("A")), UnreachedTypes.plainTypes("class A { /* } */ void f() { } }", false),
                "a brace in a comment does not count");
        assertEquals(Optional.empty(), UnreachedTypes.plainTypes("class A { ", false), "unbalanced: nothing concluded");
    }

    @Test
    void aFileIsReachedWhenAnyOtherFileOfTheVersionNamesItsType() {
        String path = "src/main/java/com/example/orders/warehouse/WarehouseContract.java";
        InMemorySnapshot service = new InMemorySnapshot("v1").with(path, CONTRACT)
                .with("src/main/java/com/example/orders/OrderDao.java", "class OrderDao { }")
                .with("src/test/java/com/example/orders/warehouse/WarehouseContractTest.java",
                        "class WarehouseContractTest { List<String> c = WarehouseContract.COLUMNS; }");
        assertEquals(Optional.of(List.of("WarehouseContract")), unreached(service, path), "a test does not run");

        service.with("src/main/resources/application.yml",
                "warehouse.contract: com.example.orders.warehouse.WarehouseContract\n");
        assertEquals(Optional.empty(), unreached(service, path), "configuration that names it reaches it");
        service.without("src/main/resources/application.yml").with("export/src/main/kotlin/Export.kt",
                "fun columns() = WarehouseContract.COLUMNS");
        assertEquals(Optional.empty(), unreached(service, path),
                "so does a module whose SQL the check does not read: it runs in production all the same");
    }

    private static Optional<List<String>> unreached(InMemorySnapshot snapshot, String path) {
        // Its own files: the check reads src/main only.
        List<String> own = snapshot.files().stream().filter(file -> file.startsWith("src/main/")).toList();
        MentionNet.Version version = new MentionNet.Version(new ServiceVersion("orders", snapshot.name(),
                ServiceVersion.Role.RUNNING), snapshot, own, List.of(), List.of(), List.of(), List.of());
        return new UnreachedTypes(version).of(path, snapshot.read(path));
    }
}
