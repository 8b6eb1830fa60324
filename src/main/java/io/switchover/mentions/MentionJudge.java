package io.switchover.mentions;

import io.switchover.mentions.ChangedObject.Change;
import io.switchover.mentions.ChangedObject.Kind;
import io.switchover.patterns.SqlReferences;
import io.switchover.patterns.model.ColumnRead;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.sql.OneLine;
import io.switchover.sql.SqlWords;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which mentions of one service version the probes already covered, and how much each uncovered one says. A
 * mention is covered when it lies in a statement the probes ran at every state that references the changed object
 * (or, in a file whose checked statements reference it, anywhere outside SQL the gate could not resolve). Of the
 * rest, names of removed tables, views, routines, sequences and types are strong evidence; so is a removed column
 * named in a file that also names its table, or an enum constant that mirrors a removed value. Column words as common
 * as {@code id} or {@code name} count only in SQL that names their table. Columns that are tightened rather than
 * removed count only inside SQL the gate could not resolve.
 */
final class MentionJudge {
    /** Column names so common that a mention says nothing without the table beside it. */
    private static final Set<String> COMMON_WORDS = Set.of("id", "name", "status", "type", "value", "code", "key",
            "data", "state", "kind", "version", "description", "title", "label", "date", "time", "created", "updated",
            "created_at", "updated_at", "modified", "deleted", "active", "enabled", "email", "uuid", "position",
            "level", "order", "amount", "count", "number", "text", "comment", "note", "url", "path", "parent_id",
            "user_id", "owner", "source", "target", "result", "message", "timestamp", "start", "end", "from", "to",
            "year", "month", "day", "size", "flag", "priority", "category", "tag", "role", "group");

    /**
     * An annotation that names the column a result's value comes from ({@code @ColumnName} of JDBI, {@code @Column} of
     * Spring Data JDBC and others): a name a mapper reads from whatever row it is given.
     */
    private static final java.util.regex.Pattern COLUMN_ANNOTATION = java.util.regex.Pattern.compile(
            "@(?:[\\w.]+\\.)?(?:ColumnName|Column)\\s*\\(");

    /** {@code ?::<type>}, {@code :x::<type>}, {@code CAST(? AS <type>)}, once the type's name is replaced. */
    private static final java.util.regex.Pattern PARAMETER_CAST = java.util.regex.Pattern.compile(
            "(\\?|:\\w+)\\s*::\\s*\"?<type>|cast\\s*\\(\\s*(\\?|:\\w+)\\s+as\\s+\"?<type>");

    /** Each list by the files its places stand in: a mention is judged against its own file's places only. */
    private final Map<String, List<CheckedPlace>> checked;
    private final Map<String, List<CheckedPlace>> notCheckable;
    private final Map<String, List<UnresolvedSql>> unresolved;
    private final Map<String, List<ColumnRead>> reads;
    private final Set<String> checkedSql = new java.util.HashSet<>();
    private final Map<Line, Boolean> checkedLines = new HashMap<>();
    private final Map<Line, Boolean> failingLines = new HashMap<>();
    private final Map<FileObject, Boolean> concernedFiles = new HashMap<>();
    private final Map<FileObject, Boolean> otherTables = new HashMap<>();
    /** Per table, where a checked statement of the version selects its every column ({@code *}, {@code t.*}). */
    private Map<String, Origin> starred;

    MentionJudge(MentionNet.Version version) {
        this.checked = byFile(version.checked(), CheckedPlace::origins);
        this.notCheckable = byFile(version.notCheckable(), CheckedPlace::origins);
        this.unresolved = byFile(version.unresolved(), u -> List.of(u.origin()));
        this.reads = byFile(version.reads(), r -> List.of(r.origin()));
        version.checked().forEach(place -> checkedSql.add(normalized(place.sql())));
    }

    private static <T> Map<String, List<T>> byFile(List<T> places, Function<T, List<Origin>> origins) {
        Map<String, List<T>> byFile = new HashMap<>();
        for (T place : places) {
            for (String path : origins.apply(place).stream().map(Origin::path).distinct().toList()) {
                byFile.computeIfAbsent(path, p -> new ArrayList<>()).add(place);
            }
        }
        return byFile;
    }

    private static <T> List<T> in(Map<String, List<T>> byFile, Origin at) {
        return byFile.getOrDefault(at.path(), List.of());
    }

    private static String normalized(String sql) {
        return OneLine.of(sql);
    }

    List<UncheckedMention> judge(List<Mention> mentions) {
        // A column word covered for one table is that table's: the same word's other tables are not named there.
        Set<String> coveredWords = new java.util.HashSet<>();
        for (Mention mention : mentions) {
            if (mention.object().kind() == Kind.COLUMN && isCovered(mention)) {
                coveredWords.add(wordAt(mention));
            }
        }
        List<UncheckedMention> unchecked = new ArrayList<>();
        for (Mention mention : mentions) {
            if (mention.object().kind() == Kind.COLUMN && coveredWords.contains(wordAt(mention))) {
                continue;
            }
            Optional<ColumnRead> read = readAt(mention);
            if (read.isPresent()) {
                if (isCovered(mention)) {
                    continue;
                }
                weigh(mention, Optional.empty()).ifPresent(strength -> unchecked.add(new UncheckedMention(mention,
                        strength.strong, "read by name from a result the gate could not tie to a statement it checked",
                        strength.why)));
                continue;
            }
            Optional<UnresolvedSql> inside = unresolvedAround(mention.origin());
            boolean failing = failing(mention.origin());
            if (inside.isEmpty() && !failing && (covered(mention) || anotherTablesColumn(mention))) {
                continue;
            }
            String where = inside.map(u -> "inside SQL the gate could not resolve (" + u.reason() + ")")
                    .orElse(failing ? "inside a statement that fails already on production's schema, so that its"
                            + " probes tell nothing" : "outside every statement the gate could read");
            weigh(mention, inside).ifPresent(strength -> unchecked.add(new UncheckedMention(mention, strength.strong,
                    where, strength.why)));
        }
        return unchecked;
    }

    private record Strength(boolean strong, String why) {
    }

    private static String wordAt(Mention mention) {
        return mention.origin() + " " + mention.object().name() + " " + mention.object().change();
    }

    /** Whether the probes cover this mention: it is checked where it stands, or its file's checked statements use it. */
    private boolean isCovered(Mention mention) {
        Optional<ColumnRead> read = readAt(mention);
        if (read.isPresent()) {
            // Linked to a checked statement, the probes record what the result holds; a read of a mapper the gate
            // could not link still reads what the file's checked statements name outright (not through a *).
            return read.get().linked() && checkedSql.contains(normalized(read.get().statement()))
                    || namedOutright(mention);
        }
        Origin at = mention.origin();
        return unresolvedAround(at).isEmpty() && !failing(at) && covered(mention);
    }

    private Optional<Strength> weigh(Mention mention, Optional<UnresolvedSql> inside) {
        ChangedObject object = mention.object();
        String context = mention.context().description();
        if (object.change() != Change.REMOVED) {
            // Tightened, not removed: only SQL the gate could not check may write it wrongly.
            if (inside.isEmpty()) {
                return Optional.empty();
            }
            if (object.change() == Change.REQUIRED && !inserts(inside.get())) {
                return Optional.empty();
            }
            return Optional.of(new Strength(false, context + " in SQL the gate could not check"));
        }
        if (object.kind() == Kind.VALUE && mention.viaOwner()) {
            // The type named in SQL the gate could not check: a value computed at run time is cast to it there.
            if (mention.context() != Mention.Context.SQL) {
                return Optional.empty();
            }
            boolean castsParameter = PARAMETER_CAST.matcher(mention.code().toLowerCase(Locale.ROOT)
                    .replace(object.owner().toLowerCase(Locale.ROOT), "<type>")).find();
            return Optional.of(new Strength(castsParameter, castsParameter
                    ? "SQL that casts a value known only at run time to " + object.owner()
                    : "SQL that uses type " + object.owner()));
        }
        if (object.kind() == Kind.VALUE) {
            return Optional.of(mention.context() == Mention.Context.ENUM_CONSTANT
                    ? new Strength(true, context)
                    : new Strength(false, context + " equal to the value"));
        }
        if (object.kind() != Kind.COLUMN) {
            return Optional.of(new Strength(true, context));
        }
        String table = object.owner();
        if (COMMON_WORDS.contains(object.name())) {
            // In SQL beside its table, or as jOOQ's TABLE.COLUMN, whose qualifier is the table itself.
            boolean withItsTable = mention.tableInSameSpan() && (mention.context() == Mention.Context.SQL
                    || mention.context() == Mention.Context.GENERATED_NAME);
            return withItsTable ? Optional.of(new Strength(true, context + " that also names " + table))
                    : Optional.empty();
        }
        if (mention.tableNamed()) {
            return Optional.of(new Strength(true, context + "; the file also names " + table));
        }
        Optional<Origin> star = mention.context() == Mention.Context.NAME_STRING
                && COLUMN_ANNOTATION.matcher(mention.code()).find() ? starredAt(table) : Optional.empty();
        if (star.isPresent()) {
            // trino-gateway's record GatewayBackend(@ColumnName("routing_group") ...), filled from SELECT * by JDBI
            return Optional.of(new Strength(true, context + "; " + star.get() + " selects every column of " + table
                    + " (*), whose result holds a column of this name for the code to read"));
        }
        return Optional.of(new Strength(false, context + "; the file does not name " + table + ", so it may be"
                + " another table's column"));
    }

    private Optional<Origin> starredAt(String table) {
        if (starred == null) {
            starred = new HashMap<>();
            for (List<CheckedPlace> places : checked.values()) {
                for (CheckedPlace place : places) {
                    place.references().ifPresent(r -> r.starredTables().forEach(t -> starred.putIfAbsent(t,
                            place.origins().get(0))));
                }
            }
        }
        return Optional.ofNullable(starred.get(table));
    }

    private static boolean inserts(UnresolvedSql place) {
        String text = place.fragment().toLowerCase(Locale.ROOT);
        return text.contains("insert") || text.contains("merge") || text.contains("upsert");
    }

    private Optional<ColumnRead> readAt(Mention mention) {
        if (mention.object().kind() != Kind.COLUMN) {
            return Optional.empty();
        }
        return in(reads, mention.origin()).stream().filter(r -> r.origin().spans(mention.origin().path(), mention.origin().line())
                && r.column().equals(mention.object().name())).findFirst();
    }

    private Optional<UnresolvedSql> unresolvedAround(Origin at) {
        return in(unresolved, at).stream().filter(u -> u.origin().spans(at.path(), at.line())).findFirst();
    }

    /**
     * Inside a checked statement, the statement's own reading tells which table a name belongs to, and its probes
     * whether the change breaks it; elsewhere in a file whose checked statements use the object, those probes do.
     */
    private boolean covered(Mention mention) {
        Origin at = mention.origin();
        // Mentions outnumber a file's places many times over (45,500 mentions of 5,000 statements in the benchmark):
        // each line and each object is judged against the file's places once.
        return spanned(checked, checkedLines, at) || concernedFiles.computeIfAbsent(new FileObject(at.path(), mention.object()),
                key -> in(checked, at).stream().anyMatch(place -> concerns(place, key.object())));
    }

    private record Line(String path, int line) {
    }

    /**
     * Whether the file, which does not name the changed table, has checked statements with a column of this name in
     * another table: outside SQL, the name is that table's (an entity's {@code @JoinColumn(name = "fk_behandling_id")}
     * beside the statements mapping its own table), as a reader of the file would take it.
     */
    private boolean anotherTablesColumn(Mention mention) {
        ChangedObject object = mention.object();
        if (object.kind() != Kind.COLUMN || mention.tableNamed()) {
            return false; // a file that names the changed table may mean its column
        }
        return otherTables.computeIfAbsent(new FileObject(mention.origin().path(), object), key -> in(checked,
                mention.origin()).stream().anyMatch(place -> namesInAnotherTable(place, object)));
    }

    private static boolean namesInAnotherTable(CheckedPlace place, ChangedObject column) {
        if (place.references().isEmpty()) {
            // Not parsed: it names no table the batch changes, so a column of that name in it is another table's.
            return SqlWords.namesAny(place.sql(), Set.of(column.name()))
                    && !SqlWords.namesAny(place.sql(), Set.of(column.owner()));
        }
        return place.references().get().columns().entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(column.owner()) && e.getValue().contains(column.name()));
    }

    /** Whether the line stands in a statement that fails already on production's schema. */
    private boolean failing(Origin at) {
        return spanned(notCheckable, failingLines, at);
    }

    /** Whether the line stands in one of these places of its file, each line looked up once ({@code memo}). */
    private static boolean spanned(Map<String, List<CheckedPlace>> places, Map<Line, Boolean> memo, Origin at) {
        return memo.computeIfAbsent(new Line(at.path(), at.line()), line -> in(places, at).stream()
                .anyMatch(place -> place.origins().stream().anyMatch(o -> o.spans(at.path(), at.line()))));
    }

    /** A changed object as one file's checked statements see it. */
    private record FileObject(String path, ChangedObject object) {
    }

    private boolean namedOutright(Mention mention) {
        ChangedObject object = mention.object();
        for (CheckedPlace place : in(checked, mention.origin())) {
            boolean names = place.references().map(r -> r.columns().getOrDefault(object.owner(), Set.of())
                    .contains(object.name())).orElse(false);
            if (names) {
                return true;
            }
        }
        return false;
    }

    /** Whether the statement uses the object, so that its probes tell whether the change breaks it. */
    private static boolean concerns(CheckedPlace place, ChangedObject object) {
        Optional<SqlReferences> references = place.references();
        return switch (object.kind()) {
            case TABLE, VIEW -> SqlReferences.usesTable(references, place.sql(), object.name());
            case COLUMN -> {
                String table = object.owner();
                if (object.change() == Change.REQUIRED) {
                    yield SqlReferences.usesTable(references, place.sql(), table);
                }
                // Loosely: any star of a statement that uses the table. amt-tiltak reads nav_enhet_id by name from
                // SELECT deltaker.*, bruker.* ... JOIN gjennomforing, bruker's column; only the catalog could tell.
                yield references.map(r -> r.tables().contains(table) && r.selectsStar()).orElse(false)
                        || SqlReferences.namesColumn(references, place.sql(), table, object.name());
            }
            case VALUE -> place.sql().contains("'" + object.name() + "'");
            default -> SqlWords.namesAny(place.sql(), Set.of(object.name()));
        };
    }
}
