package io.switchover.patterns;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads Java-based Flyway migrations from their source: which classes a file declares and what they extend, the
 * literals their {@code getVersion()}, {@code getDescription()} and {@code getChecksum()} return, and the SQL their
 * {@code migrate} method executes. Values come from {@link StringExpressionEvaluator} (literals, text blocks, {@code +},
 * constants); this class only decides which expressions are run, and in what order: it walks the constructor, then
 * {@code migrate} (declared in the class or a superclass of the snapshot), into the methods of the class and its
 * superclasses that they call, with the arguments of the call bound to the parameters, and takes every string handed
 * to a call that reads as a statement. A string a SQL-running call ({@code execute}, {@code update},
 * {@code prepareStatement}...) gets that is known only at run time ({@code String.format}, a method's result) makes
 * the whole migration unknown: the replay then runs nothing for it rather than part of it.
 */
public final class JavaMigrationSources {
    /** Calls whose string argument is SQL that runs: JDBC, Spring's JdbcTemplate, jDBI handles, jOOQ, kotliquery. */
    public static final Set<String> SQL_CALLS = Set.of("execute", "executeUpdate", "executeLargeUpdate",
            "executeQuery", "update", "batchUpdate", "prepareStatement", "prepareCall", "addBatch", "createUpdate",
            "createQuery", "createScript", "queryOf", "sqlQuery", "query", "queryForList", "queryForObject",
            "queryForMap", "queryForRowSet", "fetch", "sql");
    /** The Flyway types a Java migration implements or extends, current and of Flyway 5 and older. */
    static final Set<String> FLYWAY_BASES = Set.of("org.flywaydb.core.api.migration.JavaMigration",
            "org.flywaydb.core.api.migration.BaseJavaMigration", "org.flywaydb.core.api.migration.jdbc.JdbcMigration",
            "org.flywaydb.core.api.migration.jdbc.BaseJdbcMigration",
            "org.flywaydb.core.api.migration.spring.SpringJdbcMigration",
            "org.flywaydb.core.api.migration.spring.BaseSpringJdbcMigration");
    private static final Set<String> FLYWAY_BASE_NAMES = Set.of("JavaMigration", "BaseJavaMigration", "JdbcMigration",
            "BaseJdbcMigration", "SpringJdbcMigration", "BaseSpringJdbcMigration");
    /** Calls whose strings are never run as they are: templates, log lines, comparisons. */
    private static final Set<String> NOT_SQL = Set.of("format", "formatted", "printf", "trace", "debug", "info",
            "warn", "error", "println", "print", "append", "equals", "equalsIgnoreCase", "contains", "startsWith",
            "endsWith", "matches", "replace", "replaceAll", "split", "log");
    private static final int MAX_DEPTH = 24;

    /** A source file of the snapshot: where it is, and its text. */
    public record SourceFile(String path, String text) {
    }

    /** Whether a class is a Flyway migration by its supertypes, as far as the snapshot's sources tell. */
    public enum Reach { YES, NO, UNKNOWN }

    private record Parsed(String path, CompilationUnit unit, StringExpressionEvaluator evaluator) {
    }

    /** A class of a migration's hierarchy, found in the snapshot. */
    private record Link(ClassOrInterfaceDeclaration type, Parsed file) {
    }

    private final Function<String, Optional<SourceFile>> classes;
    private final Map<String, Optional<Parsed>> parsed = new HashMap<>();

    /** @param classes the Java source of a class of the snapshot by its qualified name, if the snapshot has it */
    public JavaMigrationSources(Function<String, Optional<SourceFile>> classes) {
        this.classes = classes;
    }

    /** The top-level classes of a file; empty when it does not parse. */
    public List<MigrationClassSource> declaredIn(String path, String text) {
        Optional<Parsed> file = parse(path, text);
        if (file.isEmpty()) {
            return List.of();
        }
        CompilationUnit unit = file.get().unit();
        String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        List<MigrationClassSource> found = new ArrayList<>();
        for (var type : unit.getTypes()) {
            if (!(type instanceof ClassOrInterfaceDeclaration declaration) || declaration.isInterface()) {
                continue;
            }
            List<String> supertypes = new ArrayList<>();
            for (ClassOrInterfaceType t : declaration.getExtendedTypes()) {
                supertypes.add(resolve(t.getNameWithScope(), unit));
            }
            for (ClassOrInterfaceType t : declaration.getImplementedTypes()) {
                supertypes.add(resolve(t.getNameWithScope(), unit));
            }
            StringExpressionEvaluator evaluator = file.get().evaluator();
            Optional<Expression> versionReturn = returned(declaration, "getVersion");
            Optional<String> version = versionReturn.flatMap(e -> versionLiteral(e, evaluator));
            found.add(new MigrationClassSource(pkg, declaration.getNameAsString(), path,
                    declaration.getBegin().map(p -> p.line).orElse(1), !declaration.isAbstract(), supertypes, version,
                    returned(declaration, "getDescription").flatMap(evaluator::evaluate),
                    returned(declaration, "getChecksum").flatMap(JavaMigrationSources::intLiteral),
                    versionReturn.isPresent() && version.isEmpty()));
        }
        return found;
    }

    /** Whether the class implements Flyway's {@code JavaMigration}, following its superclasses through the snapshot. */
    public Reach reachesFlyway(MigrationClassSource source) {
        return reach(source.supertypes(), new java.util.HashSet<>(), 0);
    }

    private Reach reach(List<String> supertypes, Set<String> seen, int depth) {
        boolean unknown = false;
        for (String supertype : supertypes) {
            String simple = supertype.substring(supertype.lastIndexOf('.') + 1);
            if (FLYWAY_BASES.contains(supertype) || FLYWAY_BASE_NAMES.contains(simple) && !supertype.contains(".")) {
                return Reach.YES;
            }
            if (!seen.add(supertype) || depth > MAX_DEPTH) {
                continue;
            }
            Optional<Link> declared = declaration(supertype);
            if (declared.isEmpty()) {
                unknown = true;
                continue;
            }
            List<String> next = new ArrayList<>();
            declared.get().type().getExtendedTypes().forEach(t -> next.add(resolve(t.getNameWithScope(),
                    declared.get().file().unit())));
            declared.get().type().getImplementedTypes().forEach(t -> next.add(resolve(t.getNameWithScope(),
                    declared.get().file().unit())));
            Reach further = reach(next, seen, depth + 1);
            if (further == Reach.YES) {
                return Reach.YES;
            }
            unknown |= further == Reach.UNKNOWN;
        }
        return unknown ? Reach.UNKNOWN : Reach.NO;
    }

    /**
     * The files of the class's superclasses in the snapshot, as far as they are Flyway migrations themselves: the
     * abstract bases a migration extends (UAA's {@code Create_Groups_For_Zones_2_5_2}, whose vendor subclasses are the
     * migrations) run the migration's SQL, not the service's.
     */
    public List<String> migrationBasesOf(MigrationClassSource source) {
        Optional<Link> self = parse(source.path(), null).flatMap(file -> find(file, source.simpleName()))
                .or(() -> declaration(source.qualifiedName()));
        if (self.isEmpty()) {
            return List.of();
        }
        List<Link> chain = chain(self.get());
        List<String> bases = new ArrayList<>();
        for (Link link : chain.subList(1, chain.size())) {
            List<String> supertypes = new ArrayList<>();
            link.type().getExtendedTypes().forEach(t -> supertypes.add(resolve(t.getNameWithScope(), link.file().unit())));
            link.type().getImplementedTypes().forEach(t -> supertypes.add(resolve(t.getNameWithScope(),
                    link.file().unit())));
            if (reach(supertypes, new java.util.HashSet<>(), 0) == Reach.YES && !bases.contains(link.file().path())) {
                bases.add(link.file().path());
            }
        }
        return bases;
    }

    /** The SQL the class's constructor and {@code migrate} method execute, in order. */
    public MigrationSourceSql sqlOf(MigrationClassSource source) {
        Optional<Link> self = parse(source.path(), null).flatMap(file -> find(file, source.simpleName()))
                .or(() -> declaration(source.qualifiedName()));
        if (self.isEmpty()) {
            return MigrationSourceSql.unknown("its source does not parse");
        }
        List<Link> chain = chain(self.get());
        Walk walk = new Walk(chain);
        chain.get(0).type().getConstructors().stream().filter(c -> c.getParameters().isEmpty()).findFirst()
                .ifPresent(constructor -> walk.body(constructor, constructor.getBody(), Map.of(), chain.get(0)));
        Optional<Map.Entry<MethodDeclaration, Link>> migrate = walk.method("migrate", -1, 0);
        if (migrate.isEmpty()) {
            if (walk.unknown == null && !walk.found.isEmpty()) {
                return new MigrationSourceSql(walk.found, Optional.empty());
            }
            return MigrationSourceSql.unknown(walk.unknown != null ? walk.unknown : "its migrate method is not in the"
                    + " snapshot's sources (" + chain.get(chain.size() - 1).type().getNameAsString() + " extends a"
                    + " class of a library)");
        }
        MethodDeclaration entry = migrate.get().getKey();
        walk.body(entry, entry.getBody().orElseThrow(), Map.of(), migrate.get().getValue());
        if (walk.unknown != null) {
            return MigrationSourceSql.unknown(walk.unknown);
        }
        boolean empty = entry.getBody().map(b -> b.getStatements().isEmpty()).orElse(false);
        if (walk.found.isEmpty() && !empty) {
            return MigrationSourceSql.unknown("its source hands no SQL to a call the gate knows (execute, update,"
                    + " prepareStatement...)");
        }
        return new MigrationSourceSql(walk.found, Optional.empty());
    }

    /** Walks method bodies in the order Java runs them, collecting the statements handed to calls. */
    private final class Walk {
        private final List<Link> chain;
        private final List<MigrationSourceSql.Statement> found = new ArrayList<>();
        private final Set<Node> active = Collections.newSetFromMap(new IdentityHashMap<>());
        private String unknown;
        private int depth;

        Walk(List<Link> chain) {
            this.chain = chain;
        }

        /** A value as far as the source tells: known text, or known to be a string only at run time. */
        private record Value(Optional<String> text, boolean stringish) {
            static final Value NONE = new Value(Optional.empty(), false);
            static final Value DYNAMIC = new Value(Optional.empty(), true);

            static Value of(String text) {
                return new Value(Optional.of(text), true);
            }
        }

        void body(CallableDeclaration<?> owner, Node body, Map<String, Value> bindings, Link where) {
            if (!active.add(owner) || depth > MAX_DEPTH) {
                return;
            }
            depth++;
            try {
                body.walk(Node.TreeTraversal.POSTORDER, node -> {
                    if (unknown != null) {
                        return;
                    }
                    if (node instanceof MethodCallExpr call) {
                        call(call, bindings, where);
                    } else if (node instanceof ExplicitConstructorInvocationStmt invocation) {
                        arguments("super", invocation.getArguments(), bindings, where, invocation);
                    }
                });
            } finally {
                depth--;
                active.remove(owner);
            }
        }

        private void call(MethodCallExpr call, Map<String, Value> bindings, Link where) {
            boolean own = call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr;
            boolean up = call.getScope().isPresent() && call.getScope().get() instanceof SuperExpr;
            if (own || up) {
                int from = up ? chain.indexOf(where) + 1 : 0;
                Optional<Map.Entry<MethodDeclaration, Link>> target = method(call.getNameAsString(),
                        call.getArguments().size(), Math.max(from, 0));
                if (target.isPresent() && target.get().getKey().getBody().isPresent()) {
                    MethodDeclaration method = target.get().getKey();
                    Map<String, Value> bound = new HashMap<>();
                    for (int i = 0; i < method.getParameters().size() && i < call.getArguments().size(); i++) {
                        Parameter parameter = method.getParameter(i);
                        Value value = value(call.getArgument(i), bindings, where);
                        bound.put(parameter.getNameAsString(), value.text().isPresent() ? value
                                : isString(parameter.getTypeAsString()) ? Value.DYNAMIC : Value.NONE);
                    }
                    body(method, method.getBody().get(), bound, target.get().getValue());
                    return;
                }
            }
            arguments(call.getNameAsString(), call.getArguments(), bindings, where, call);
        }

        private void arguments(String name, NodeList<Expression> arguments, Map<String, Value> bindings, Link where,
                               Node call) {
            if (NOT_SQL.contains(name)) {
                return;
            }
            boolean runsSql = SQL_CALLS.contains(name);
            boolean firstString = true;
            for (Expression argument : arguments) {
                Value value = value(argument, bindings, where);
                if (value.text().isPresent()) {
                    String sql = value.text().get().strip();
                    if (runsSql ? SourceStatements.isStatement(sql) : SourceStatements.isClearlyStatement(sql)) {
                        found.add(new MigrationSourceSql.Statement(sql, argument.getBegin().map(p -> p.line)
                                .orElse(0)));
                    }
                } else if (value.stringish() && runsSql && firstString) {
                    unknown = "the SQL it hands to " + name + "(...) at " + where.file().path() + ":"
                            + call.getBegin().map(p -> p.line).orElse(0) + " is built at run time ("
                            + Fragments.shorten(argument.toString()) + ")";
                    return;
                }
                firstString &= !value.stringish();
            }
        }

        /** The method a call on this object runs: the most derived declaration from {@code from} up. */
        Optional<Map.Entry<MethodDeclaration, Link>> method(String name, int arguments, int from) {
            for (int i = from; i < chain.size(); i++) {
                for (MethodDeclaration method : chain.get(i).type().getMethodsByName(name)) {
                    if ((arguments < 0 || method.getParameters().size() == arguments) && method.getBody().isPresent()) {
                        return Optional.of(Map.entry(method, chain.get(i)));
                    }
                }
            }
            return Optional.empty();
        }

        private Value value(Expression expression, Map<String, Value> bindings, Link where) {
            StringExpressionEvaluator evaluator = where.file().evaluator();
            if (expression instanceof EnclosedExpr enclosed) {
                return value(enclosed.getInner(), bindings, where);
            }
            if (expression instanceof StringLiteralExpr || expression instanceof TextBlockLiteralExpr
                    || expression instanceof CharLiteralExpr) {
                return evaluator.evaluate(expression).map(Value::of).orElse(Value.DYNAMIC);
            }
            if (expression instanceof IntegerLiteralExpr || expression instanceof LongLiteralExpr) {
                return new Value(Optional.of(expression.toString().replaceAll("[lL_]", "")), false);
            }
            if (expression instanceof NameExpr name) {
                return name(name, bindings, where);
            }
            if (expression instanceof FieldAccessExpr) {
                return evaluator.evaluate(expression).map(Value::of).orElse(Value.DYNAMIC);
            }
            if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
                Value left = value(binary.getLeft(), bindings, where);
                Value right = value(binary.getRight(), bindings, where);
                if (!left.stringish() && !right.stringish()) {
                    return Value.NONE; // arithmetic
                }
                return left.text().isPresent() && right.text().isPresent()
                        ? Value.of(left.text().get() + right.text().get()) : Value.DYNAMIC;
            }
            if (expression instanceof ConditionalExpr) {
                return Value.DYNAMIC;
            }
            if (expression instanceof MethodCallExpr call) {
                String method = call.getNameAsString();
                if (Set.of("strip", "trim", "stripIndent").contains(method) && call.getArguments().isEmpty()
                        && call.getScope().isPresent()) {
                    Value scope = value(call.getScope().get(), bindings, where);
                    return scope.text().map(t -> Value.of(method.equals("stripIndent") ? t.stripIndent() : t.strip()))
                            .orElse(scope.stringish() ? Value.DYNAMIC : Value.NONE);
                }
                if (Set.of("format", "formatted", "concat", "replace", "replaceAll", "join", "valueOf",
                        "toString").contains(method)) {
                    return Value.DYNAMIC;
                }
            }
            return Value.NONE;
        }

        private Value name(NameExpr name, Map<String, Value> bindings, Link where) {
            String id = name.getNameAsString();
            if (bindings.containsKey(id)) {
                return bindings.get(id);
            }
            Optional<CallableDeclaration<?>> callable = ancestor(name, CallableDeclaration.class)
                    .map(c -> (CallableDeclaration<?>) c);
            if (callable.isPresent()) {
                for (Parameter parameter : callable.get().getParameters()) {
                    if (parameter.getNameAsString().equals(id)) {
                        return isString(parameter.getTypeAsString()) ? Value.DYNAMIC : Value.NONE;
                    }
                }
                Optional<LambdaExpr> lambda = ancestor(name, LambdaExpr.class);
                if (lambda.isPresent() && lambda.get().getParameters().stream()
                        .anyMatch(p -> p.getNameAsString().equals(id))) {
                    return Value.DYNAMIC; // what it is bound to is known only at run time
                }
                for (VariableDeclarator local : callable.get().findAll(VariableDeclarator.class)) {
                    if (!local.getNameAsString().equals(id) || local.getParentNode().filter(FieldDeclaration.class::isInstance)
                            .isPresent()) {
                        continue;
                    }
                    boolean string = isString(local.getTypeAsString());
                    boolean reassigned = callable.get().findAll(AssignExpr.class).stream()
                            .anyMatch(a -> a.getTarget() instanceof NameExpr target && target.getNameAsString().equals(id));
                    if (reassigned || local.getInitializer().isEmpty()) {
                        return string ? Value.DYNAMIC : Value.NONE;
                    }
                    Value value = value(local.getInitializer().get(), bindings, where);
                    return string && value.text().isEmpty() ? Value.DYNAMIC : value;
                }
            }
            Optional<String> constant = where.file().evaluator().evaluate(name);
            if (constant.isPresent()) {
                return Value.of(constant.get());
            }
            // A constant of a superclass of the snapshot.
            for (Link link : chain) {
                if (link.file().evaluator() != where.file().evaluator()) {
                    for (FieldDeclaration field : link.type().getFields()) {
                        for (VariableDeclarator variable : field.getVariables()) {
                            if (variable.getNameAsString().equals(id) && variable.getInitializer().isPresent()) {
                                Optional<String> inherited = link.file().evaluator().evaluate(variable.getInitializer().get());
                                if (inherited.isPresent()) {
                                    return Value.of(inherited.get());
                                }
                            }
                        }
                    }
                }
            }
            return fieldIsString(id) ? Value.DYNAMIC : Value.NONE;
        }

        private boolean fieldIsString(String id) {
            for (Link link : chain) {
                for (FieldDeclaration field : link.type().getFields()) {
                    for (VariableDeclarator variable : field.getVariables()) {
                        if (variable.getNameAsString().equals(id)) {
                            return isString(variable.getTypeAsString());
                        }
                    }
                }
            }
            return false;
        }
    }

    /** The class, then its superclasses as far as the snapshot has them. */
    private List<Link> chain(Link self) {
        List<Link> chain = new ArrayList<>(List.of(self));
        Set<String> seen = new java.util.HashSet<>();
        Link current = self;
        while (chain.size() < MAX_DEPTH && !current.type().getExtendedTypes().isEmpty()) {
            String superclass = resolve(current.type().getExtendedTypes().get(0).getNameWithScope(),
                    current.file().unit());
            if (!seen.add(superclass)) {
                break;
            }
            Optional<Link> next = declaration(superclass);
            if (next.isEmpty()) {
                break;
            }
            chain.add(next.get());
            current = next.get();
        }
        return chain;
    }

    private Optional<Link> declaration(String qualifiedName) {
        return classes.apply(qualifiedName).flatMap(file -> parse(file.path(), file.text()))
                .flatMap(file -> find(file, qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1)));
    }

    private static Optional<Link> find(Parsed file, String simpleName) {
        return file.unit().getTypes().stream()
                .filter(t -> t instanceof ClassOrInterfaceDeclaration && t.getNameAsString().equals(simpleName))
                .map(t -> new Link((ClassOrInterfaceDeclaration) t, file)).findFirst();
    }

    /** A parsed file, by path; {@code text} null to take one parsed before. */
    private Optional<Parsed> parse(String path, String text) {
        if (parsed.containsKey(path) || text == null) {
            return parsed.getOrDefault(path, Optional.empty());
        }
        ParseResult<CompilationUnit> result = JavaSources.parse(text);
        Optional<Parsed> file = result.getResult().filter(u -> result.isSuccessful())
                .map(unit -> new Parsed(path, unit, new StringExpressionEvaluator(unit)));
        parsed.put(path, file);
        return file;
    }

    /**
     * A type name as written, fully qualified by the file's imports or package when the snapshot has such a class,
     * else by a single-type import, else as written.
     */
    private String resolve(String written, CompilationUnit unit) {
        String first = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
        String rest = written.contains(".") ? written.substring(written.indexOf('.')) : "";
        for (ImportDeclaration imported : unit.getImports()) {
            if (!imported.isAsterisk() && !imported.isStatic() && imported.getName().getIdentifier().equals(first)) {
                return imported.getNameAsString() + rest;
            }
        }
        if (written.contains(".") && classes.apply(written).isPresent()) {
            return written;
        }
        String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        if (classes.apply(pkg + written).isPresent()) {
            return pkg + written;
        }
        for (ImportDeclaration imported : unit.getImports()) {
            if (imported.isAsterisk() && !imported.isStatic()
                    && classes.apply(imported.getNameAsString() + "." + written).isPresent()) {
                return imported.getNameAsString() + "." + written;
            }
        }
        if (FLYWAY_BASE_NAMES.contains(written)) {
            for (ImportDeclaration imported : unit.getImports()) {
                if (imported.isAsterisk() && imported.getNameAsString().startsWith("org.flywaydb.")) {
                    return "org.flywaydb.core.api.migration." + written;
                }
            }
        }
        return written;
    }

    /** The expression a no-argument method of the class returns, when its body is one {@code return}. */
    private static Optional<Expression> returned(ClassOrInterfaceDeclaration type, String method) {
        for (MethodDeclaration declaration : type.getMethodsByName(method)) {
            if (!declaration.getParameters().isEmpty() || declaration.getBody().isEmpty()) {
                continue;
            }
            BlockStmt body = declaration.getBody().get();
            if (body.getStatements().size() == 1 && body.getStatement(0) instanceof ReturnStmt ret
                    && ret.getExpression().isPresent()) {
                return ret.getExpression();
            }
            return Optional.of(new NameExpr("$computed$"));
        }
        return Optional.empty();
    }

    /** {@code MigrationVersion.fromVersion("57.2")}, with a literal or a constant of the file. */
    private static Optional<String> versionLiteral(Expression expression, StringExpressionEvaluator evaluator) {
        if (expression instanceof MethodCallExpr call && call.getNameAsString().equals("fromVersion")
                && call.getArguments().size() == 1) {
            return evaluator.evaluate(call.getArgument(0));
        }
        return Optional.empty();
    }

    private static Optional<Integer> intLiteral(Expression expression) {
        if (expression instanceof NullLiteralExpr) {
            return Optional.empty();
        }
        if (expression instanceof IntegerLiteralExpr literal) {
            try {
                return Optional.of(literal.asNumber().intValue());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (expression instanceof com.github.javaparser.ast.expr.UnaryExpr unary
                && unary.getOperator() == com.github.javaparser.ast.expr.UnaryExpr.Operator.MINUS
                && unary.getExpression() instanceof IntegerLiteralExpr literal) {
            return Optional.of(-literal.asNumber().intValue());
        }
        return Optional.empty();
    }

    private static <T> Optional<T> ancestor(Node node, Class<T> kind) {
        for (Optional<Node> current = node.getParentNode(); current.isPresent(); current = current.get().getParentNode()) {
            if (kind.isInstance(current.get())) {
                return Optional.of(kind.cast(current.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean isString(String type) {
        return type.equals("String") || type.equals("java.lang.String") || type.equals("var")
                || type.equals("CharSequence");
    }
}
