package io.switchover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Mutated history exports, in each of the three shapes read, never break the exit-code contract: a usable one runs
 * the check, anything else is one line of bad input naming what is wrong, never a crash and never a pass over an
 * empty history.
 */
class HistoryExportFuzzTest {
    private static final String STORY = "sample-migrations/alice-to-brian/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SCRIPTS = List.of("V1__create_person.sql", "V2__add_brian.sql",
            "V3__copy_alice_to_brian.sql");

    private Path file;

    @Property(tries = 80)
    void anyExportEndsInAnExitCodeOfTheContract(@ForAll("exports") String json) throws IOException {
        file = Files.createTempFile("history", ".json");
        Files.writeString(file, json, StandardCharsets.UTF_8);

        ExitCodeContract.assertKept(CommandLineRun.of("check", "--prod", STORY + "deploy-4", "--candidate",
                STORY + "deploy-5", "--prod-history", file.toString(), "--engine", "h2"));
    }

    @AfterTry
    void deleteTheFile() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<String> exports() {
        Arbitrary<JsonNode> valid = Arbitraries.of(ours(), flywayInfo(), actuator());
        Arbitrary<String> mutated = Combinators.combine(valid, mutations(), mutations()).as((root, first, second) -> {
            JsonNode copy = root.deepCopy();
            first.apply(copy);
            second.apply(copy);
            return copy.toString();
        });
        Arbitrary<String> text = valid.map(JsonNode::toString);
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 400);
        return Arbitraries.oneOf(text, mutated, mutated,
                Combinators.combine(text, cut).as((json, at) -> json.substring(0, Math.min(at, json.length()))),
                Arbitraries.integers().between(1, 3_000).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.strings().ofMaxLength(100));
    }

    /** One change to the tree: a value of the wrong kind, a field or row gone, a row twice, rows emptied. */
    private interface Mutation {
        void apply(JsonNode root);
    }

    private static Arbitrary<Mutation> mutations() {
        Arbitrary<String> field = Arbitraries.of("installedRank", "version", "description", "type", "script",
                "checksum", "success", "installedOnUTC", "state", "filepath", "format", "rows", "migrations");
        Arbitrary<JsonNode> value = Arbitraries.of(JsonNodeFactory.instance.textNode("1.x.y"),
                JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("abc"),
                JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.numberNode(99999999999L),
                JsonNodeFactory.instance.numberNode(-1), JsonNodeFactory.instance.numberNode(1.5),
                JsonNodeFactory.instance.booleanNode(false), JsonNodeFactory.instance.arrayNode(),
                JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.textNode("V1__create_person.sql"),
                JsonNodeFactory.instance.textNode("2026-01-01T10:00:00Z"));
        Arbitrary<Integer> row = Arbitraries.integers().between(0, 2);
        return Arbitraries.oneOf(
                Combinators.combine(row, field, value).as((r, f, v) -> root -> rowOf(root, r).ifPresent(o -> o.set(f, v))),
                Combinators.combine(row, field).as((r, f) -> root -> rowOf(root, r).ifPresent(o -> o.remove(f))),
                row.map(r -> root -> rows(root).ifPresent(a -> {
                    if (a.size() > r) {
                        a.remove(r);
                    }
                })),
                row.map(r -> root -> rows(root).ifPresent(a -> {
                    if (a.size() > r) {
                        a.add(a.get(r).deepCopy());
                    }
                })),
                Arbitraries.just(root -> rows(root).ifPresent(ArrayNode::removeAll)),
                Combinators.combine(field, value).as((f, v) -> root -> ((ObjectNode) root).set(f, v)));
    }

    private static java.util.Optional<ArrayNode> rows(JsonNode root) {
        List<JsonNode> candidates = new ArrayList<>(List.of(root.path("rows"), root.path("migrations"),
                root.path("contexts").path("app").path("flywayBeans").path("flyway").path("migrations")));
        return candidates.stream().filter(JsonNode::isArray).map(ArrayNode.class::cast).findFirst();
    }

    private static java.util.Optional<ObjectNode> rowOf(JsonNode root, int index) {
        return rows(root).filter(a -> a.size() > index && a.get(index).isObject())
                .map(a -> (ObjectNode) a.get(index));
    }

    private static JsonNode ours() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < SCRIPTS.size(); i++) {
            rows.append(i == 0 ? "" : ",").append("{\"installedRank\":").append(i + 1).append(",\"version\":\"")
                    .append(i + 1).append("\",\"description\":\"d\",\"type\":\"SQL\",\"script\":\"")
                    .append(SCRIPTS.get(i)).append("\",\"checksum\":null,\"success\":true}");
        }
        return parse("{\"format\":\"switchover-flyway-history\",\"source\":\"fuzz\",\"rows\":[" + rows + "]}");
    }

    private static JsonNode flywayInfo() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < SCRIPTS.size(); i++) {
            rows.append(i == 0 ? "" : ",").append("{\"category\":\"Versioned\",\"version\":\"").append(i + 1)
                    .append("\",\"description\":\"d\",\"type\":\"SQL\",\"installedOnUTC\":\"2026-01-01T10:00:00Z\","
                            + "\"state\":\"Success\",\"filepath\":\"/app/db/migration/").append(SCRIPTS.get(i))
                    .append("\"}");
        }
        return parse("{\"schemaVersion\":\"2\",\"migrations\":[" + rows + "]}");
    }

    private static JsonNode actuator() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < SCRIPTS.size(); i++) {
            rows.append(i == 0 ? "" : ",").append("{\"checksum\":null,\"description\":\"d\",\"installedRank\":")
                    .append(i + 1).append(",\"script\":\"").append(SCRIPTS.get(i))
                    .append("\",\"state\":\"SUCCESS\",\"type\":\"SQL\",\"version\":\"").append(i + 1).append("\"}");
        }
        return parse("{\"contexts\":{\"app\":{\"flywayBeans\":{\"flyway\":{\"migrations\":[" + rows + "]}}}}}");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
