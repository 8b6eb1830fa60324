package io.switchover.patterns.builders;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.switchover.patterns.JavaSources;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * jOOQ's DSL read as the SQL it renders: {@code dsl.selectFrom(BORROWER).where(BORROWER.EMAIL.eq(email))} is
 * {@code SELECT * FROM borrower WHERE borrower.email = ?}, {@code insertInto(T).set(T.A, a)}, {@code insertInto(T,
 * T.A, T.B).values(a, b)}, {@code update(T).set(T.A, a).where(...)}, {@code deleteFrom(T)}, joins, {@code groupBy},
 * {@code orderBy}, {@code fetchCount(T, condition)} and plain-SQL parts ({@code DSL.table("...")},
 * {@code DSL.field("...")}, {@code DSL.condition("...")}). Names are the generated classes' when they are in the
 * source tree ({@link JooqGeneratedTables}), else jOOQ's default naming read backwards ({@link JooqNames}). Values are
 * parameters. A query with a part this reader does not translate (a record passed to {@code set}, a {@code union},
 * a condition built elsewhere) is listed as not checked, at the lines of its whole call chain, so that the safety net
 * of mentions looks there; it is never probed half-read.
 *
 * <p>Without the generated classes, {@code selectFrom(T)} and {@code select().from(T)} are probed as {@code SELECT *}:
 * jOOQ lists the columns it was generated with, which this reader cannot know.
 */
public final class JooqDsl {
    public static final String ID = "jooq-dsl";
    /**
     * A query of the DSL whose {@code *} stands for the columns of generated classes that are not in the sources: jOOQ's
     * code generator made them from production's migrations, so they are the table's columns at production's schema.
     */
    public static final String GENERATED_STAR = "jooq-dsl-generated-columns";

    private static final Set<String> SELECT_STARTS = Set.of("select", "selectDistinct", "selectCount", "selectOne",
            "selectZero", "selectFrom");
    private static final Set<String> TABLE_FETCHES = Set.of("fetchCount", "fetchExists", "fetch", "fetchOne",
            "fetchOptional", "fetchAny", "fetchSingle", "fetchStream", "fetchLazy");
    /** DSL calls that issue SQL this reader does not build: listed as not checked, as they were before. */
    private static final Set<String> UNTRANSLATED_STARTS = Set.of("mergeInto", "truncate", "batchInsert",
            "batchUpdate", "batchStore", "batchDelete", "newRecord", "executeInsert", "executeUpdate", "executeDelete");
    /** Settings of a query that change nothing of its SQL. */
    private static final Set<String> NEUTRAL = Set.of("attach", "keepStatement", "queryTimeout", "maxRows",
            "fetchSize", "poolable", "resultSetType", "resultSetConcurrency", "skipLocked", "noWait", "returning",
            "returningResult", "coerce", "bind");
    private static final Map<String, String> COMPARISONS = Map.ofEntries(Map.entry("eq", "="),
            Map.entry("equal", "="), Map.entry("ne", "<>"), Map.entry("notEqual", "<>"), Map.entry("gt", ">"),
            Map.entry("greaterThan", ">"), Map.entry("ge", ">="), Map.entry("greaterOrEqual", ">="),
            Map.entry("lt", "<"), Map.entry("lessThan", "<"), Map.entry("le", "<="), Map.entry("lessOrEqual", "<="),
            Map.entry("like", "LIKE"), Map.entry("notLike", "NOT LIKE"), Map.entry("contains", "LIKE"),
            Map.entry("startsWith", "LIKE"), Map.entry("endsWith", "LIKE"));
    private static final Set<String> AGGREGATES = Set.of("count", "countDistinct", "max", "min", "sum", "avg",
            "lower", "upper", "trim", "length", "abs", "coalesce", "nvl", "ifnull");
    private static final Set<String> JOINS = Set.of("join", "innerJoin", "leftJoin", "leftOuterJoin", "rightJoin",
            "rightOuterJoin", "fullJoin", "fullOuterJoin", "crossJoin", "naturalJoin");

    /** How far above a query a local it reads may start and still count as part of its place. */
    private static final int LOCAL_LINES_ABOVE = 10;

    private final JooqGeneratedTables generated;

    public JooqDsl() {
        this(JooqGeneratedTables.none());
    }

    JooqDsl(JooqGeneratedTables generated) {
        this.generated = generated;
    }

    /** The DSL queries of one parsed Java file; nothing for a file that does not import jOOQ. */
    public ExtractionResult extract(String path, CompilationUnit unit) {
        if (unit.getImports().stream().noneMatch(i -> i.getNameAsString().startsWith("org.jooq"))) {
            return ExtractionResult.empty();
        }
        FileScope scope = new FileScope(unit);
        CallerArguments callers = new CallerArguments(unit);
        List<AccessPattern> patterns = new ArrayList<>();
        List<UnresolvedSql> notChecked = new ArrayList<>();
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            boolean start = SELECT_STARTS.contains(name) || name.equals("insertInto") || name.equals("update")
                    || name.equals("deleteFrom") || name.equals("delete") || TABLE_FETCHES.contains(name)
                    || UNTRANSLATED_STARTS.contains(name);
            if (!start || !scope.isDsl(call)) {
                continue;
            }
            if (TABLE_FETCHES.contains(name)
                    && (call.getArguments().isEmpty() || scope.table(call.getArgument(0)).isEmpty())) {
                continue; // a plain-SQL string (JooqPlainSql) or a query built elsewhere, read where it is built
            }
            List<MethodCallExpr> chain = chainFrom(call);
            MethodCallExpr top = chain.get(chain.size() - 1);
            Origin origin = new Origin(path, JavaSources.origin(path, call).line(),
                    JavaSources.origin(path, top).lastLine());
            Optional<JooqNewRecords.Insert> stored = name.equals("newRecord") ? newRecordInsert(scope, call)
                    : Optional.empty();
            if (stored.isPresent()) {
                patterns.add(new AccessPattern(stored.get().sql(), new Origin(path, origin.line(),
                        JavaSources.origin(path, stored.get().stored()).lastLine()), ID));
                continue;
            }
            if (UNTRANSLATED_STARTS.contains(name)) {
                notChecked.add(new UnresolvedSql(origin, shorten(top.toString()), "jOOQ's " + name
                        + "(...) is not translated to SQL"));
                continue;
            }
            try {
                scope.startReading();
                Translation translation = new Translation(scope, chain);
                String sql = translation.sql();
                // The locals it was read through are part of it: a field list filtered by name two lines above.
                patterns.add(new AccessPattern(sql, new Origin(path, scope.firstLine(origin.line()),
                        origin.lastLine()), extractorOf(translation)));
            } catch (Untranslatable e) {
                String reason = "a jOOQ query built with the DSL: " + e.getMessage();
                Optional<MethodDeclaration> method = SyntaxNodes.enclosingMethod(call);
                List<CallerArguments.Binding> bindings = method.map(callers::of).orElse(List.of());
                if (!readForEachCaller(scope, chain, bindings, origin, shorten(top.toString()), patterns,
                        notChecked)) {
                    notChecked.add(new UnresolvedSql(origin, shorten(top.toString()), reason));
                }
            }
        }
        return new ExtractionResult(patterns, notChecked, List.of());
    }

    private static AccessPattern translated(Translation translation, Origin origin) {
        String sql = translation.sql();
        return new AccessPattern(sql, origin, extractorOf(translation));
    }

    /** Read once its SQL is: whether a star of it stands for generated columns production's schema lists. */
    private static String extractorOf(Translation translation) {
        return translation.starOfGeneratedColumns ? GENERATED_STAR : ID;
    }

    /**
     * The query read once for each caller's arguments (its method's parameters as they are called in the file):
     * each variant that translates is a statement; one that does not stays a place not checked, saying which call.
     * False where no variant translates, so that the query keeps its own reason.
     */
    private boolean readForEachCaller(FileScope scope, List<MethodCallExpr> chain,
                                      List<CallerArguments.Binding> bindings, Origin origin, String fragment,
                                      List<AccessPattern> patterns, List<UnresolvedSql> notChecked) {
        Set<String> read = new java.util.LinkedHashSet<>();
        List<AccessPattern> variants = new ArrayList<>();
        List<UnresolvedSql> failed = new ArrayList<>();
        for (CallerArguments.Binding binding : bindings) {
            try {
                AccessPattern variant = translated(new Translation(scope.with(binding), chain), origin);
                if (read.add(variant.sql())) {
                    variants.add(variant);
                }
            } catch (Untranslatable e) {
                failed.add(new UnresolvedSql(origin, fragment, "a jOOQ query built with the DSL, as "
                        + binding.caller() + " calls it: " + e.getMessage()));
            }
        }
        if (variants.isEmpty()) {
            return false;
        }
        patterns.addAll(variants);
        if (!failed.isEmpty()) {
            notChecked.add(failed.get(0));
        }
        return true;
    }

    /** {@code newRecord(T)} of a generated table, filled and stored in the same method: its INSERT. */
    private static Optional<JooqNewRecords.Insert> newRecordInsert(FileScope scope, MethodCallExpr call) {
        if (call.getArguments().size() != 1) {
            return Optional.empty();
        }
        return scope.table(call.getArgument(0)).flatMap(t -> JooqNewRecords.read(call, t.name(),
                t.generated().map(JooqGeneratedTables.Table::columns).orElse(Map.of())));
    }

    /** The call and every call made on its result, innermost first. */
    private static List<MethodCallExpr> chainFrom(MethodCallExpr start) {
        List<MethodCallExpr> chain = new ArrayList<>();
        chain.add(start);
        Node current = start;
        while (current.getParentNode().orElse(null) instanceof MethodCallExpr outer
                && outer.getScope().orElse(null) == current) {
            chain.add(outer);
            current = outer;
        }
        return chain;
    }

    private static String shorten(String source) {
        String flat = source.replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }

    /** A part of a query this reader does not translate; the message says which. */
    private static final class Untranslatable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Untranslatable(String what) {
            super(what, null, false, false);
        }
    }

    /**
     * A table in a query: its name, the alias it has there, its generated columns when known, and whether it is a table
     * of jOOQ's generated classes (not {@code DSL.table("...")}), whose columns are production's when not known here.
     */
    private record TableRef(String name, String alias, Optional<JooqGeneratedTables.Table> generated,
                            boolean generatedClass) {
        String sql() {
            return alias == null ? name : name + " " + alias;
        }

        String qualifier() {
            return alias == null ? name : alias;
        }

        String column(String identifier) {
            return generated.map(t -> t.columns().get(identifier)).orElse(JooqNames.fromIdentifier(identifier));
        }

        /** The columns {@code selectFrom} lists: the generated ones, or all of them. */
        String allColumns() {
            if (generated.isEmpty() || generated.get().columns().isEmpty()) {
                return alias == null ? "*" : alias + ".*";
            }
            return String.join(", ", generated.get().columns().values().stream().map(c -> qualifier() + "." + c)
                    .toList());
        }
    }

    /** What a file says about names: its DSLContexts, its static imports, its local variables. */
    private final class FileScope {
        private final Set<String> contexts = new HashSet<>();
        private final Set<String> contextMethods = new HashSet<>();
        private final Map<String, String> staticImports = new HashMap<>();
        private final Set<String> wildcardClasses = new HashSet<>();
        private final boolean dslStatics;
        /** What the enclosing method's parameters are bound to, for the variant of a query being read. */
        private final Optional<CallerArguments.Binding> bound;
        /** The first lines of the locals a query was read through, since {@link #startReading}. */
        private final List<Integer> consulted = new ArrayList<>();

        void startReading() {
            consulted.clear();
        }

        /**
         * The first line of what the query read was written on: its own, or that of a local it was read through just
         * above it (a few lines: a span over more would take in code that is no part of it).
         */
        int firstLine(int own) {
            return consulted.stream().mapToInt(Integer::intValue)
                    .filter(line -> line < own && own - line <= LOCAL_LINES_ABOVE).min().orElse(own);
        }

        /** The same names, with a method's parameters bound to one caller's arguments. */
        private FileScope(FileScope file, CallerArguments.Binding bound) {
            this.contexts.addAll(file.contexts);
            this.contextMethods.addAll(file.contextMethods);
            this.staticImports.putAll(file.staticImports);
            this.wildcardClasses.addAll(file.wildcardClasses);
            this.dslStatics = file.dslStatics;
            this.bound = Optional.of(bound);
        }

        FileScope with(CallerArguments.Binding binding) {
            return new FileScope(this, binding);
        }

        FileScope(CompilationUnit unit) {
            this.bound = Optional.empty();
            boolean statics = false;
            for (ImportDeclaration declaration : unit.getImports()) {
                if (!declaration.isStatic()) {
                    continue;
                }
                String name = declaration.getNameAsString();
                if (declaration.isAsterisk()) {
                    wildcardClasses.add(name.substring(name.lastIndexOf('.') + 1));
                    statics |= name.equals("org.jooq.impl.DSL");
                } else {
                    String owner = name.substring(0, name.lastIndexOf('.'));
                    staticImports.put(name.substring(name.lastIndexOf('.') + 1), owner);
                    statics |= owner.equals("org.jooq.impl.DSL");
                }
            }
            this.dslStatics = statics;
            for (VariableDeclarator variable : unit.findAll(VariableDeclarator.class)) {
                if (variable.getTypeAsString().endsWith("DSLContext") || variable.getInitializer()
                        .filter(i -> i instanceof MethodCallExpr m && m.getNameAsString().equals("using")).isPresent()) {
                    contexts.add(variable.getNameAsString());
                }
            }
            for (Parameter parameter : unit.findAll(Parameter.class)) {
                if (parameter.getTypeAsString().endsWith("DSLContext")) {
                    contexts.add(parameter.getNameAsString());
                }
            }
            for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
                if (method.getTypeAsString().endsWith("DSLContext")) {
                    contextMethods.add(method.getNameAsString());
                }
            }
        }

        /** Whether the call is made on a DSLContext or on {@code DSL} (also statically imported). */
        boolean isDsl(MethodCallExpr call) {
            Optional<Expression> scope = call.getScope();
            if (scope.isEmpty()) {
                return dslStatics && (staticImports.containsKey(call.getNameAsString())
                        || wildcardClasses.contains("DSL"));
            }
            return isContext(scope.get());
        }

        private boolean isContext(Expression scope) {
            if (scope instanceof NameExpr name) {
                return name.getNameAsString().equals("DSL") || contexts.contains(name.getNameAsString());
            }
            if (scope instanceof FieldAccessExpr field) {
                return field.getNameAsString().equals("DSL") || contexts.contains(field.getNameAsString());
            }
            if (scope instanceof MethodCallExpr call) {
                String name = call.getNameAsString();
                return name.equals("using") || name.equals("dsl") || contextMethods.contains(name);
            }
            return false;
        }

        /** A DSL function called as {@code DSL.f(...)} or statically imported {@code f(...)}. */
        boolean isDslFunction(MethodCallExpr call) {
            Optional<Expression> scope = call.getScope();
            if (scope.isEmpty()) {
                return dslStatics;
            }
            return scope.get() instanceof NameExpr n && n.getNameAsString().equals("DSL")
                    || scope.get() instanceof FieldAccessExpr f && f.getNameAsString().equals("DSL");
        }

        Optional<TableRef> table(Expression expression) {
            Expression e = unwrap(expression);
            if (e instanceof NameExpr name) {
                String identifier = name.getNameAsString();
                if (isTableIdentifier(identifier)) {
                    return Optional.of(tableNamed(identifier));
                }
                return local(name).flatMap(this::table);
            }
            if (e instanceof FieldAccessExpr access && JooqNames.isIdentifier(access.getNameAsString())
                    && isTablesHolder(access.getScope())) {
                return Optional.of(tableNamed(access.getNameAsString()));
            }
            if (e instanceof MethodCallExpr call) {
                if (call.getNameAsString().equals("as") && call.getScope().isPresent() && call.getArguments().size() == 1) {
                    Optional<TableRef> aliased = table(call.getScope().get());
                    Optional<String> alias = name(call.getArgument(0));
                    if (aliased.isPresent() && alias.isPresent()) {
                        return Optional.of(new TableRef(aliased.get().name(), alias.get(), aliased.get().generated(),
                                aliased.get().generatedClass()));
                    }
                }
                if (call.getNameAsString().equals("table") && isDslFunction(call) && call.getArguments().size() == 1) {
                    return name(call.getArgument(0)).map(raw -> new TableRef(raw, null, Optional.empty(), false));
                }
            }
            return Optional.empty();
        }

        private TableRef tableNamed(String identifier) {
            Optional<JooqGeneratedTables.Table> table = generated.byIdentifier(identifier);
            return new TableRef(table.map(JooqGeneratedTables.Table::name).orElse(JooqNames.fromIdentifier(identifier)),
                    null, table, true);
        }

        /** {@code BORROWER} statically imported from {@code Tables} or a generated table class, or known as generated. */
        private boolean isTableIdentifier(String identifier) {
            if (!JooqNames.isIdentifier(identifier)) {
                return false;
            }
            if (generated.byIdentifier(identifier).isPresent()) {
                return true;
            }
            String owner = staticImports.get(identifier);
            if (owner != null) {
                return owner.endsWith(".Tables") || owner.contains(".tables.");
            }
            return wildcardClasses.contains("Tables");
        }

        /** {@code Tables}, {@code com.x.Tables} or a generated table class ({@code Borrower.BORROWER}). */
        private boolean isTablesHolder(Expression scope) {
            String name = scope instanceof NameExpr n ? n.getNameAsString()
                    : scope instanceof FieldAccessExpr f ? f.getNameAsString() : "";
            return name.equals("Tables") || generated.byClass(name).isPresent();
        }

        /** A local variable's single initializer, as the name stands for it. */
        Optional<Expression> local(NameExpr name) {
            Optional<Node> body = SyntaxNodes.enclosingMethod(name).map(Node.class::cast);
            if (body.isEmpty()) {
                return Optional.empty();
            }
            List<VariableDeclarator> declared = body.get().findAll(VariableDeclarator.class,
                    v -> v.getNameAsString().equals(name.getNameAsString()));
            if (declared.isEmpty()) {
                Optional<Expression> argument = bound.flatMap(b -> b.of(name, body.get()));
                return argument.isPresent() ? argument : finalField(name);
            }
            if (declared.size() != 1 || declared.get(0).getInitializer().isEmpty()) {
                return Optional.empty();
            }
            boolean reassigned = !body.get().findAll(com.github.javaparser.ast.expr.AssignExpr.class,
                    a -> a.getTarget().toString().equals(name.getNameAsString())).isEmpty();
            if (reassigned) {
                return Optional.empty();
            }
            declared.get(0).getBegin().ifPresent(begin -> consulted.add(begin.line));
            return declared.get(0).getInitializer();
        }

        /** A final field of the enclosing class with its value: keywhiz's {@code CLIENT_OWNERS = GROUPS.as("owners")}. */
        private static Optional<Expression> finalField(NameExpr name) {
            Node type = name.getParentNode().orElse(null);
            while (type != null && !(type instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration)) {
                type = type.getParentNode().orElse(null);
            }
            return Optional.ofNullable((com.github.javaparser.ast.body.ClassOrInterfaceDeclaration) type).stream()
                    .flatMap(t -> t.getFields().stream()).filter(f -> f.isFinal())
                    .flatMap(f -> f.getVariables().stream())
                    .filter(v -> v.getNameAsString().equals(name.getNameAsString()))
                    .findFirst().flatMap(VariableDeclarator::getInitializer);
        }

        /** A name given as a string, or as {@code DSL.name("a", "b")}. */
        Optional<String> name(Expression expression) {
            Expression e = unwrap(expression);
            if (e instanceof StringLiteralExpr literal) {
                return Optional.of(literal.asString());
            }
            if (e instanceof MethodCallExpr call && call.getNameAsString().equals("name") && isDslFunction(call)) {
                List<String> parts = new ArrayList<>();
                for (Expression argument : call.getArguments()) {
                    if (!(argument instanceof StringLiteralExpr literal)) {
                        return Optional.empty();
                    }
                    parts.add(literal.asString());
                }
                return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(".", parts));
            }
            return Optional.empty();
        }
    }

    private static Expression unwrap(Expression expression) {
        return SyntaxNodes.unwrap(expression);
    }

    /** One call chain turned into one statement. */
    private static final class Translation {
        private final FileScope scope;
        private final List<MethodCallExpr> chain;
        /** The calls after the first one, up to the one that runs the query: the clauses its SQL is read from. */
        private final List<MethodCallExpr> clauses;
        private final Map<String, TableRef> tables = new HashMap<>();
        /** Whether a {@code *} of the SQL stands for the columns of a generated class this reader has not seen. */
        private boolean starOfGeneratedColumns;

        Translation(FileScope scope, List<MethodCallExpr> chain) {
            this.scope = scope;
            this.chain = chain;
            this.clauses = clausesOf(chain);
        }

        /** The chain walked once: every call after the first, until one that fetches or executes. */
        private static List<MethodCallExpr> clausesOf(List<MethodCallExpr> chain) {
            List<MethodCallExpr> clauses = new ArrayList<>();
            for (MethodCallExpr call : chain.subList(1, chain.size())) {
                if (isTerminal(call.getNameAsString())) {
                    break;
                }
                clauses.add(call);
            }
            return clauses;
        }

        /** The columns a table's {@code selectFrom} or {@code fields()} lists. */
        private String allColumns(TableRef table) {
            String columns = table.allColumns();
            starOfGeneratedColumns |= table.generatedClass() && columns.endsWith("*");
            return columns;
        }

        String sql() {
            MethodCallExpr start = chain.get(0);
            String name = start.getNameAsString();
            if (SELECT_STARTS.contains(name) || TABLE_FETCHES.contains(name)) {
                return select(start);
            }
            if (name.equals("insertInto")) {
                return insert(start);
            }
            if (name.equals("update")) {
                return update(start);
            }
            return delete(start);
        }

        /** What a select is made of while its chain is read. */
        private static final class SelectParts {
            private boolean distinct;
            private final List<String> from = new ArrayList<>();
            private final List<String> items = new ArrayList<>();
            private final StringBuilder tail = new StringBuilder();
            private final List<String> where = new ArrayList<>();
            private boolean allOfFrom;

            String sql() {
                StringBuilder sql = new StringBuilder("SELECT ");
                if (distinct) {
                    sql.append("DISTINCT ");
                }
                sql.append(String.join(", ", items));
                if (!from.isEmpty()) {
                    sql.append(" FROM ").append(String.join(", ", from));
                }
                if (!where.isEmpty()) {
                    sql.append(" WHERE ").append(String.join(" AND ", where));
                }
                return sql.append(tail).toString();
            }
        }

        private String select(MethodCallExpr start) {
            String name = start.getNameAsString();
            SelectParts select = new SelectParts();
            boolean clausesFollow = selectStart(start, select);
            if (clausesFollow) {
                for (MethodCallExpr call : clauses) {
                    selectClause(select, call);
                }
            }
            if (select.from.isEmpty() && !name.equals("selectOne") && !name.equals("selectZero")) {
                throw new Untranslatable("no from(...)");
            }
            return select.sql();
        }

        /**
         * What the first call of a select says: its items, and its table when it names one. False for
         * {@code fetchCount(T, condition...)} and its kin, whose following calls work on the result.
         */
        private boolean selectStart(MethodCallExpr start, SelectParts select) {
            String name = start.getNameAsString();
            switch (name) {
                case "selectFrom" -> {
                    TableRef table = table(argument(start, 0));
                    select.from.add(table.sql());
                    select.items.add(allColumns(table));
                }
                case "selectCount" -> select.items.add("count(*)");
                case "selectOne" -> select.items.add("1");
                case "selectZero" -> select.items.add("0");
                case "select", "selectDistinct" -> {
                    select.distinct = name.equals("selectDistinct");
                    for (Expression argument : start.getArguments()) {
                        select.items.add(selectItem(argument));
                    }
                    select.allOfFrom = select.items.isEmpty();
                }
                default -> { // fetchCount(T, condition...) and its kin
                    TableRef table = table(argument(start, 0));
                    select.from.add(table.sql());
                    select.items.add(name.equals("fetchCount") ? "count(*)" : name.equals("fetchExists") ? "1"
                            : allColumns(table));
                    for (Expression condition : start.getArguments().subList(1, start.getArguments().size())) {
                        select.where.add(condition(condition));
                    }
                    return false; // what follows works on the result
                }
            }
            return true;
        }

        /** One call after the start of a select: a clause added to it. */
        private void selectClause(SelectParts select, MethodCallExpr call) {
            String method = call.getNameAsString();
            List<String> from = select.from;
            StringBuilder tail = select.tail;
            switch (method) {
                case "from" -> {
                    for (Expression argument : call.getArguments()) {
                        TableRef table = table(argument);
                        from.add(table.sql());
                        if (select.allOfFrom) {
                            select.items.add(allColumns(table));
                        }
                    }
                }
                case "select" -> { // SelectSelectStep.select adds to the fields already selected
                    call.getArguments().forEach(argument -> select.items.add(selectItem(argument)));
                    select.allOfFrom &= call.getArguments().isEmpty();
                }
                case "where" -> call.getArguments().forEach(c -> select.where.add(condition(c)));
                case "and" -> andOr(select.where, call, " AND ");
                case "or" -> andOr(select.where, call, " OR ");
                case "andNot" -> select.where.add("NOT (" + condition(argument(call, 0)) + ")");
                case "groupBy" -> tail.append(" GROUP BY ").append(fields(call));
                case "having" -> tail.append(" HAVING ").append(condition(argument(call, 0)));
                case "orderBy" -> tail.append(" ORDER BY ").append(String.join(", ",
                        call.getArguments().stream().map(this::sortField).toList()));
                case "limit" -> tail.append(" LIMIT 1");
                case "offset" -> tail.append(" OFFSET 0");
                case "forUpdate" -> tail.append(" FOR UPDATE");
                case "on" -> {
                    if (from.isEmpty()) {
                        throw new Untranslatable(".on(...) without a join");
                    }
                    String joined = from.remove(from.size() - 1);
                    List<String> conditions = call.getArguments().stream().map(this::condition).toList();
                    from.add(joined + " ON " + String.join(" AND ", conditions));
                }
                case "using" -> {
                    String joined = from.remove(from.size() - 1);
                    from.add(joined + " USING (" + String.join(", ", call.getArguments().stream()
                            .map(f -> bareColumn(f)).toList()) + ")");
                }
                default -> {
                    if (JOINS.contains(method)) {
                        if (from.isEmpty()) {
                            throw new Untranslatable("." + method + "(...) before from(...)");
                        }
                        TableRef table = table(argument(call, 0));
                        String last = from.remove(from.size() - 1);
                        from.add(last + " " + joinKeyword(method) + " " + table.sql());
                    } else {
                        requireNeutral(method);
                    }
                }
            }
        }

        /** A call a clause reader does not know is let through only when it changes nothing of the SQL. */
        private static void requireNeutral(String method) {
            if (!NEUTRAL.contains(method)) {
                throw new Untranslatable("." + method + "(...) is not translated");
            }
        }

        private void andOr(List<String> where, MethodCallExpr call, String operator) {
            if (where.isEmpty()) {
                throw new Untranslatable("." + call.getNameAsString() + "(...) before where(...)");
            }
            String before = String.join(" AND ", where);
            where.clear();
            where.add("(" + before + operator + condition(argument(call, 0)) + ")");
        }

        private static String joinKeyword(String method) {
            return switch (method) {
                case "leftJoin", "leftOuterJoin" -> "LEFT JOIN";
                case "rightJoin", "rightOuterJoin" -> "RIGHT JOIN";
                case "fullJoin", "fullOuterJoin" -> "FULL JOIN";
                case "crossJoin" -> "CROSS JOIN";
                case "naturalJoin" -> "NATURAL JOIN";
                default -> "JOIN";
            };
        }

        /** What an insert is made of while its chain is read. */
        private static final class InsertParts {
            private final List<String> columns = new ArrayList<>();
            private final List<String> values = new ArrayList<>();
            private String conflict = "";
            private final List<String> updates = new ArrayList<>();
            private boolean updating;
            private boolean defaults;
            /** The SELECT of {@code insertInto(T).columns(...).select(query)}. */
            private String query;

            String sql(TableRef table) {
                StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.name());
                if (query != null) {
                    if (!columns.isEmpty()) {
                        sql.append(" (").append(String.join(", ", columns)).append(")");
                    }
                    sql.append(" ").append(query);
                } else if (defaults) {
                    sql.append(" DEFAULT VALUES");
                } else {
                    if (columns.isEmpty() || values.isEmpty()) {
                        throw new Untranslatable("an insert whose columns or values are not written out");
                    }
                    sql.append(" (").append(String.join(", ", columns)).append(") VALUES (")
                            .append(String.join(", ", values)).append(")");
                }
                if (updating) {
                    String sets = String.join(", ", updates.stream().filter(u -> !u.startsWith("WHERE ")).toList());
                    if (sets.isEmpty()) {
                        throw new Untranslatable("an upsert whose updated columns are not written out");
                    }
                    sql.append(conflict).append(sets);
                    updates.stream().filter(u -> u.startsWith("WHERE ")).forEach(w -> sql.append(" ").append(w));
                }
                return sql.toString();
            }
        }

        private String insert(MethodCallExpr start) {
            TableRef table = table(argument(start, 0));
            InsertParts insert = new InsertParts();
            for (Expression column : start.getArguments().subList(1, start.getArguments().size())) {
                insert.columns.add(bareColumn(column));
            }
            for (MethodCallExpr call : clauses) {
                insertClause(insert, call);
            }
            return insert.sql(table);
        }

        /** One call after {@code insertInto(...)}: columns, values, or its upsert. */
        private void insertClause(InsertParts insert, MethodCallExpr call) {
            String method = call.getNameAsString();
            switch (method) {
                case "columns" -> call.getArguments().forEach(c -> insert.columns.addAll(fieldList(c)
                        .map(list -> list.stream().map(FieldRef::column).toList()).orElseGet(() -> List.of(bareColumn(c)))));
                case "select" -> insert.query = subquery(argument(call, 0));
                case "values" -> {
                    if (insert.values.isEmpty()) {
                        call.getArguments().forEach(v -> insert.values.add(value(v)));
                    }
                }
                case "set" -> {
                    if (call.getArguments().size() != 2) {
                        throw new Untranslatable(".set(...) of a record or map, whose columns are known at run time");
                    }
                    String pair = bareColumn(call.getArgument(0));
                    if (insert.updating) {
                        insert.updates.add(pair + " = " + value(call.getArgument(1)));
                    } else {
                        insert.columns.add(pair);
                        insert.values.add(value(call.getArgument(1)));
                    }
                }
                case "defaultValues" -> insert.defaults = true;
                case "onConflict" -> insert.conflict = " ON CONFLICT (" + String.join(", ", call.getArguments().stream()
                        .map(this::bareColumn).toList()) + ")";
                case "doNothing", "onConflictDoNothing", "onDuplicateKeyIgnore" -> {
                    // The clause differs per database and writes no column: the INSERT itself is what is probed.
                    insert.conflict = "";
                }
                case "doUpdate", "onDuplicateKeyUpdate" -> {
                    if (insert.conflict.isEmpty() && method.equals("doUpdate")) {
                        throw new Untranslatable(".doUpdate() without onConflict(columns)");
                    }
                    insert.conflict = method.equals("doUpdate") ? insert.conflict + " DO UPDATE SET "
                            : " ON DUPLICATE KEY UPDATE ";
                    insert.updating = true;
                }
                case "where" -> {
                    if (!insert.updating) {
                        throw new Untranslatable(".where(...) of an insert");
                    }
                    insert.updates.add("WHERE " + condition(argument(call, 0)));
                }
                default -> requireNeutral(method);
            }
        }

        private String update(MethodCallExpr start) {
            TableRef table = table(argument(start, 0));
            List<String> sets = new ArrayList<>();
            List<String> where = new ArrayList<>();
            for (MethodCallExpr call : clauses) {
                String method = call.getNameAsString();
                switch (method) {
                    case "set" -> {
                        if (call.getArguments().size() != 2) {
                            throw new Untranslatable(".set(...) of a record or map, whose columns are known at run time");
                        }
                        sets.add(bareColumn(call.getArgument(0)) + " = " + value(call.getArgument(1)));
                    }
                    case "where" -> call.getArguments().forEach(c -> where.add(condition(c)));
                    case "and" -> andOr(where, call, " AND ");
                    case "or" -> andOr(where, call, " OR ");
                    default -> requireNeutral(method);
                }
            }
            if (sets.isEmpty()) {
                throw new Untranslatable("an update whose columns are not written out");
            }
            return "UPDATE " + table.sql() + " SET " + String.join(", ", sets)
                    + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        }

        private String delete(MethodCallExpr start) {
            TableRef table = table(argument(start, 0));
            List<String> where = new ArrayList<>();
            for (MethodCallExpr call : clauses) {
                String method = call.getNameAsString();
                switch (method) {
                    case "where" -> call.getArguments().forEach(c -> where.add(condition(c)));
                    case "and" -> andOr(where, call, " AND ");
                    case "or" -> andOr(where, call, " OR ");
                    default -> requireNeutral(method);
                }
            }
            return "DELETE FROM " + table.sql() + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        }

        private static boolean isTerminal(String method) {
            return method.startsWith("fetch") || method.startsWith("execute") || method.equals("stream")
                    || method.equals("collect") || method.equals("iterator") || method.equals("forEach")
                    || method.equals("getSQL") || method.equals("getBindValues") || method.equals("subscribe")
                    || method.equals("into") || method.equals("awaitAll");
        }

        private static Expression argument(MethodCallExpr call, int index) {
            if (call.getArguments().size() <= index) {
                throw new Untranslatable("." + call.getNameAsString() + "() without its argument");
            }
            return call.getArgument(index);
        }

        private TableRef table(Expression expression) {
            TableRef table = scope.table(expression)
                    .orElseThrow(() -> new Untranslatable("table " + shorten(expression.toString())
                            + " is not a generated table or DSL.table(\"...\")"));
            tables.put(table.qualifier(), table);
            return table;
        }

        private String fields(MethodCallExpr call) {
            return String.join(", ", call.getArguments().stream().map(this::fieldSql).toList());
        }

        private String selectItem(Expression expression) {
            Expression e = unwrap(expression);
            if (e instanceof MethodCallExpr call && call.getNameAsString().equals("as") && call.getScope().isPresent()
                    && call.getArguments().size() == 1) {
                Optional<String> alias = scope.name(call.getArgument(0));
                if (alias.isPresent()) {
                    return fieldSql(call.getScope().get()) + " AS " + alias.get();
                }
            }
            Optional<TableRef> whole = scope.table(e);
            if (whole.isPresent()) {
                tables.put(whole.get().qualifier(), whole.get());
                return allColumns(whole.get()); // select(BORROWER.fields()) is written asterisk()
            }
            if (e instanceof MethodCallExpr call && (call.getNameAsString().equals("asterisk")
                    || call.getNameAsString().equals("fields")) && call.getScope().isPresent()) {
                TableRef table = table(call.getScope().get());
                return allColumns(table);
            }
            Optional<List<FieldRef>> list = fieldList(e);
            if (list.isPresent()) {
                return String.join(", ", list.get().stream().map(FieldRef::sql).toList());
            }
            return fieldSql(e);
        }

        /** The SELECT a nested query renders: {@code select(...).from(S).where(...)}, or a local holding it. */
        private String subquery(Expression expression) {
            Expression e = unwrap(expression);
            if (e instanceof NameExpr name) {
                return subquery(scope.local(name).orElseThrow(() -> new Untranslatable("query " + name
                        + " is built elsewhere")));
            }
            MethodCallExpr first = e instanceof MethodCallExpr call ? call : null;
            while (first != null && first.getScope().orElse(null) instanceof MethodCallExpr inner) {
                first = inner;
            }
            if (first == null || !SELECT_STARTS.contains(first.getNameAsString()) || !scope.isDsl(first)) {
                throw new Untranslatable("a query " + shorten(e.toString()) + " not built with the DSL here");
            }
            Translation nested = new Translation(scope, chainFrom(first));
            String sql = nested.sql();
            starOfGeneratedColumns |= nested.starOfGeneratedColumns;
            return sql;
        }

        /** One field of a list of fields: its table in the query and its column. */
        private record FieldRef(TableRef table, String column) {
            String sql() {
                return table.qualifier() + "." + column;
            }
        }

        /**
         * A list of fields written as Java: {@code T.fields()} of a generated class in the sources, a stream over it
         * ({@code Arrays.stream(...)}, {@code list.stream()}) filtered by name or mapped to another table's fields by
         * name ({@code .map(S::field)}, as jOOQ's {@code Table.field(Field)} looks a field up), collected; a local
         * holding one; {@code List.of(...)}/{@code Arrays.asList(...)} of fields. Empty where it is none of these.
         */
        private Optional<List<FieldRef>> fieldList(Expression expression) {
            Expression e = unwrap(expression);
            if (e instanceof NameExpr name) {
                return scope.local(name).flatMap(this::fieldList);
            }
            if (!(e instanceof MethodCallExpr call)) {
                return Optional.empty();
            }
            String method = call.getNameAsString();
            Optional<Expression> on = call.getScope();
            if (method.equals("fields") && call.getArguments().isEmpty() && on.isPresent()) {
                Optional<TableRef> table = scope.table(on.get());
                if (table.isEmpty() || table.get().generated().isEmpty()
                        || table.get().generated().get().columns().isEmpty()) {
                    return Optional.empty();
                }
                TableRef known = table.get();
                tables.put(known.qualifier(), known);
                return Optional.of(known.generated().get().columns().values().stream()
                        .map(column -> new FieldRef(known, column)).toList());
            }
            boolean holder = on.isPresent() && on.get() instanceof NameExpr n
                    && Set.of("Arrays", "List", "Stream").contains(n.getNameAsString());
            if (holder && Set.of("stream", "of", "asList").contains(method)) {
                return fieldsOf(call.getArguments());
            }
            if (on.isEmpty()) {
                return Optional.empty();
            }
            Optional<List<FieldRef>> before = switch (method) {
                case "stream", "collect", "toList" -> fieldList(on.get());
                default -> Optional.empty();
            };
            if (before.isPresent()) {
                return before;
            }
            if (method.equals("filter") && call.getArguments().size() == 1) {
                return fieldList(on.get()).map(list -> JooqFieldFilter.of(call.getArgument(0), this::columnNamed)
                        .map(keep -> list.stream().filter(f -> keep.test(f.column())).toList())
                        .orElseThrow(() -> new Untranslatable("a filter of fields " + shorten(call.toString())
                                + " this reader does not read")));
            }
            if (method.equals("map") && call.getArguments().size() == 1
                    && call.getArgument(0) instanceof com.github.javaparser.ast.expr.MethodReferenceExpr reference
                    && reference.getIdentifier().equals("field")) {
                Expression owner = reference.getScope() instanceof com.github.javaparser.ast.expr.TypeExpr type
                        ? new NameExpr(type.getTypeAsString()) : reference.getScope(); // BORROWER::field parses as a type
                Optional<TableRef> target = scope.table(owner);
                Optional<List<FieldRef>> list = fieldList(on.get());
                if (target.isPresent() && list.isPresent()) {
                    tables.put(target.get().qualifier(), target.get());
                    return Optional.of(list.get().stream().map(f -> new FieldRef(target.get(), f.column())).toList());
                }
            }
            return Optional.empty();
        }

        /** The fields of {@code List.of(a, b)}, each a field or a list of them. */
        private Optional<List<FieldRef>> fieldsOf(List<Expression> arguments) {
            List<FieldRef> fields = new ArrayList<>();
            for (Expression argument : arguments) {
                Optional<List<FieldRef>> list = fieldList(argument);
                if (list.isPresent()) {
                    fields.addAll(list.get());
                    continue;
                }
                Expression a = unwrap(argument);
                if (!(a instanceof FieldAccessExpr access)) {
                    return Optional.empty();
                }
                Optional<TableRef> table = scope.table(access.getScope());
                if (table.isEmpty()) {
                    return Optional.empty();
                }
                fields.add(new FieldRef(table.get(), table.get().column(access.getNameAsString())));
            }
            return Optional.of(fields);
        }

        /** The column {@code T.COL} names, for a filter comparing by name. */
        private Optional<String> columnNamed(Expression expression) {
            Expression e = unwrap(expression);
            if (e instanceof FieldAccessExpr access && JooqNames.isIdentifier(access.getNameAsString())) {
                return scope.table(access.getScope()).map(t -> t.column(access.getNameAsString()));
            }
            return Optional.empty();
        }

        private String sortField(Expression expression) {
            Expression e = unwrap(expression);
            if (e instanceof MethodCallExpr call && call.getScope().isPresent()) {
                String method = call.getNameAsString();
                switch (method) {
                    case "asc" -> {
                        return fieldSql(call.getScope().get()) + " ASC";
                    }
                    case "desc" -> {
                        return fieldSql(call.getScope().get()) + " DESC";
                    }
                    case "nullsFirst", "nullsLast" -> {
                        return sortField(call.getScope().get());
                    }
                    default -> {
                        // a field expression
                    }
                }
            }
            return fieldSql(e);
        }

        /** A column written without its table, as INSERT column lists and UPDATE SET targets need. */
        private String bareColumn(Expression expression) {
            String field = fieldSql(expression);
            int dot = field.lastIndexOf('.');
            return dot < 0 ? field : field.substring(dot + 1);
        }

        private String fieldSql(Expression expression) {
            return field(expression).orElseThrow(() -> new Untranslatable("field " + shorten(expression.toString())
                    + " is not a generated column or DSL.field(\"...\")"));
        }

        /** A value: a field or function when it is one, else a parameter. */
        private String value(Expression expression) {
            return field(expression).orElse("?");
        }

        private Optional<String> field(Expression expression) {
            Expression e = unwrap(expression);
            if (e instanceof FieldAccessExpr access && JooqNames.isIdentifier(access.getNameAsString())) {
                Optional<TableRef> table = scope.table(access.getScope());
                if (table.isPresent()) {
                    TableRef known = tables.getOrDefault(table.get().qualifier(), table.get());
                    return Optional.of(known.qualifier() + "." + known.column(access.getNameAsString()));
                }
                return Optional.empty();
            }
            if (e instanceof NameExpr name) {
                return scope.local(name).flatMap(this::field);
            }
            if (!(e instanceof MethodCallExpr call)) {
                return Optional.empty();
            }
            String method = call.getNameAsString();
            if (scope.isDslFunction(call)) {
                switch (method) {
                    case "field" -> {
                        return call.getArguments().isEmpty() ? Optional.empty() : scope.name(call.getArgument(0));
                    }
                    case "val", "inline", "value", "param" -> {
                        return Optional.of("?");
                    }
                    case "currentTimestamp", "now", "currentLocalDateTime", "currentOffsetDateTime" -> {
                        return Optional.of("CURRENT_TIMESTAMP");
                    }
                    case "currentDate", "currentLocalDate" -> {
                        return Optional.of("CURRENT_DATE");
                    }
                    default -> {
                        if (AGGREGATES.contains(method)) {
                            if (call.getArguments().isEmpty()) {
                                return method.equals("count") ? Optional.of("count(*)") : Optional.empty();
                            }
                            List<String> arguments = new ArrayList<>();
                            for (Expression argument : call.getArguments()) {
                                arguments.add(value(argument));
                            }
                            String function = method.equals("countDistinct") ? "count(DISTINCT " : method + "(";
                            return Optional.of(function + String.join(", ", arguments) + ")");
                        }
                        return Optional.empty();
                    }
                }
            }
            if (call.getScope().isEmpty()) {
                return Optional.empty();
            }
            if (method.equals("field") && call.getArguments().isNonEmpty()) { // table.field("owner", Long.class)
                Optional<TableRef> table = scope.table(call.getScope().get());
                Optional<String> column = scope.name(call.getArgument(0));
                if (table.isPresent() && column.isPresent()) {
                    return Optional.of(table.get().qualifier() + "." + column.get());
                }
            }
            Optional<String> on = field(call.getScope().get());
            if (on.isEmpty()) {
                return Optional.empty();
            }
            if (call.getArguments().isEmpty() && AGGREGATES.contains(method)) {
                return Optional.of((method.equals("countDistinct") ? "count(DISTINCT " : method + "(") + on.get() + ")");
            }
            return switch (method) {
                case "cast", "coerce", "as" -> on;
                case "plus", "add" -> Optional.of("(" + on.get() + " + " + value(argument(call, 0)) + ")");
                case "minus", "sub", "subtract" -> Optional.of("(" + on.get() + " - " + value(argument(call, 0)) + ")");
                default -> Optional.empty();
            };
        }

        private String condition(Expression expression) {
            Expression e = unwrap(expression);
            if (e instanceof NameExpr name) {
                return scope.local(name).map(this::condition)
                        .orElseThrow(() -> new Untranslatable("condition " + name + " is built at run time"));
            }
            if (!(e instanceof MethodCallExpr call)) {
                throw new Untranslatable("condition " + shorten(e.toString()) + " is not translated");
            }
            String method = call.getNameAsString();
            if (scope.isDslFunction(call)) {
                switch (method) {
                    case "and", "or" -> {
                        if (call.getArguments().isEmpty()) {
                            return "1 = 1";
                        }
                        String operator = method.equals("and") ? " AND " : " OR ";
                        return "(" + String.join(operator, call.getArguments().stream().map(this::condition).toList())
                                + ")";
                    }
                    case "not" -> {
                        return "NOT (" + condition(argument(call, 0)) + ")";
                    }
                    case "noCondition", "trueCondition" -> {
                        return "1 = 1";
                    }
                    case "falseCondition" -> {
                        return "1 = 0";
                    }
                    case "condition" -> {
                        return scope.name(argument(call, 0)).map(raw -> "(" + raw.replaceAll("\\{\\d+}", "?") + ")")
                                .orElseThrow(() -> new Untranslatable("DSL.condition(...) of a string built at run time"));
                    }
                    default -> throw new Untranslatable("condition DSL." + method + "(...) is not translated");
                }
            }
            Expression on = call.getScope()
                    .orElseThrow(() -> new Untranslatable("condition " + method + "(...) is not translated"));
            Optional<String> field = field(on);
            if (field.isPresent()) {
                return comparison(field.get(), call);
            }
            if (unwrap(on) instanceof MethodCallExpr between && between.getNameAsString().equals("between")
                    && between.getArguments().size() == 1 && method.equals("and")) {
                return fieldSql(between.getScope().orElseThrow(() -> new Untranslatable("between of nothing")))
                        + " BETWEEN " + value(between.getArgument(0)) + " AND " + value(argument(call, 0));
            }
            return switch (method) {
                case "and" -> "(" + condition(on) + " AND " + condition(argument(call, 0)) + ")";
                case "or" -> "(" + condition(on) + " OR " + condition(argument(call, 0)) + ")";
                case "andNot" -> "(" + condition(on) + " AND NOT " + condition(argument(call, 0)) + ")";
                case "orNot" -> "(" + condition(on) + " OR NOT " + condition(argument(call, 0)) + ")";
                case "not" -> "NOT (" + condition(on) + ")";
                default -> throw new Untranslatable("condition ." + method + "(...) is not translated");
            };
        }

        private String comparison(String field, MethodCallExpr call) {
            String method = call.getNameAsString();
            String operator = COMPARISONS.get(method);
            if (operator != null) {
                return field + " " + operator + " " + value(argument(call, 0));
            }
            return switch (method) {
                case "likeIgnoreCase", "containsIgnoreCase" -> "lower(" + field + ") LIKE lower(?)";
                case "in", "notIn" -> field + (method.equals("in") ? " IN (" : " NOT IN (")
                        + (call.getArguments().isEmpty() ? "?" : String.join(", ", call.getArguments().stream()
                        .map(this::value).toList())) + ")";
                case "isNull" -> field + " IS NULL";
                case "isNotNull" -> field + " IS NOT NULL";
                case "isTrue" -> field + " = TRUE";
                case "isFalse" -> field + " = FALSE";
                case "between" -> {
                    if (call.getArguments().size() != 2) {
                        throw new Untranslatable(".between(...) is not translated");
                    }
                    yield field + " BETWEEN " + value(call.getArgument(0)) + " AND " + value(call.getArgument(1));
                }
                default -> throw new Untranslatable("condition ." + method + "(...) is not translated");
            };
        }
    }
}
