package io.switchover.patterns;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.switchover.patterns.model.Origin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The constants of a service's Java files, by qualified name ({@code com.example.Tables.USERS}), with the names in
 * scope where each is declared, so that one built from others resolves as the compiler resolves it: across files and
 * classes, through imports, static imports, nested types, and the constants a type inherits from its interfaces and
 * superclasses. Also its enums, whose constants have a name. Constants are final fields with an initializer, static
 * or not (a final field initialized from a constant expression is a constant variable to the compiler too), of the
 * types SQL is built from.
 */
public final class ConstantIndex {
    /** Types SQL is built from: text, numbers in it, and lists of text joined into it. */
    private static final Pattern CONSTANT_TYPE = Pattern.compile(
            "(java\\.lang\\.)?(String|Integer|Long|Character|Boolean)|int|long|char|boolean|String\\[]"
                    + "|(java\\.util\\.)?(List|Collection|Iterable)<(java\\.lang\\.)?String>");
    /** Superclasses and interfaces followed for inherited constants. */
    private static final int MAX_SUPERTYPE_DEPTH = 10;

    /** One constant: its initializer and the names in scope where it is declared. Compared by identity. */
    public static final class Constant {
        private final Expression initializer;
        private final NameContext context;
        private final Origin origin;

        Constant(Expression initializer, NameContext context, Origin origin) {
            this.initializer = initializer;
            this.context = context;
            this.origin = origin;
        }

        /** Where the initializer is: where the generic extractor reports the constant's text. */
        public Origin origin() {
            return origin;
        }

        public Expression initializer() {
            return initializer;
        }

        public NameContext context() {
            return context;
        }
    }

    /** A type of the service: its supertypes as written, where they are written, and its enum constants. */
    private record TypeInfo(List<String> supertypes, NameContext context, List<String> enumConstants,
                            boolean ownToString) {
    }

    private final Map<String, Constant> constants;
    private final Map<String, TypeInfo> types;

    private ConstantIndex(Map<String, Constant> constants, Map<String, TypeInfo> types) {
        this.constants = constants;
        this.types = types;
    }

    public static ConstantIndex empty() {
        return new ConstantIndex(Map.of(), Map.of());
    }

    /**
     * Constants of another language's file, by qualified name, whose values are known: a Kotlin object's, companion's
     * or enum's, which Java code names as a class's static fields ({@code import static ...Repository.*}).
     */
    public static ConstantIndex ofValues(String path, Map<String, String> values) {
        NameContext nowhere = new NameContext("", List.of(), Map.of(), List.of(), Map.of(), List.of());
        Map<String, Constant> constants = new HashMap<>();
        Map<String, TypeInfo> types = new HashMap<>();
        values.forEach((name, value) -> {
            constants.put(name, new Constant(new StringLiteralExpr().setString(value), nowhere, new Origin(path, 1)));
            // The owner is a type of the service, so that Owner.NAME written in Java finds it; its toString unknown.
            types.putIfAbsent(name.substring(0, Math.max(0, name.lastIndexOf('.'))),
                    new TypeInfo(List.of(), nowhere, List.of(), true));
        });
        types.remove("");
        return new ConstantIndex(constants, types);
    }

    /** The constants of one file; their initializers stay nodes of its tree. */
    public static ConstantIndex of(CompilationUnit unit) {
        return of("", unit);
    }

    /** The same, for the file at that path of the snapshot. */
    public static ConstantIndex of(String path, CompilationUnit unit) {
        NameContext file = NameContext.of(unit);
        Map<String, Constant> constants = new HashMap<>();
        Map<String, TypeInfo> types = new HashMap<>();
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            String name = file.qualifiedName(type);
            NameContext inside = file.at(type);
            boolean isInterface = type instanceof ClassOrInterfaceDeclaration c && c.isInterface();
            for (FieldDeclaration field : type.getFields()) {
                if (!isInterface && !field.isFinal()) {
                    continue;
                }
                for (VariableDeclarator variable : field.getVariables()) {
                    if (variable.getInitializer().isPresent()
                            && CONSTANT_TYPE.matcher(variable.getTypeAsString().replace(" ", "")).matches()) {
                        constants.putIfAbsent(name + "." + variable.getNameAsString(),
                                new Constant(variable.getInitializer().get(), inside,
                                        JavaSources.origin(path, variable.getInitializer().get())));
                    }
                }
            }
            for (MethodDeclaration method : type.getMethods()) {
                constantReturned(method).ifPresent(returned -> constants.putIfAbsent(
                        name + "." + method.getNameAsString() + "()",
                        new Constant(returned, inside, JavaSources.origin(path, returned))));
            }
            types.put(name, new TypeInfo(supertypes(type), inside, enumConstants(type),
                    !type.getMethodsBySignature("toString").isEmpty()));
        }
        return new ConstantIndex(constants, types);
    }

    /**
     * What a static method without parameters returns when its body is one {@code return} of a constant expression,
     * of a type SQL is built from: hawkbit's {@code Jpa.nativeQueryParamPrefix()} returns {@code '?'}, written as a
     * method so that the compiler does not inline it. Known as {@code Type.method()}.
     */
    private static Optional<Expression> constantReturned(MethodDeclaration method) {
        if (!method.isStatic() || !method.getParameters().isEmpty() || method.getBody().isEmpty()
                || !CONSTANT_TYPE.matcher(method.getTypeAsString().replace(" ", "")).matches()) {
            return Optional.empty();
        }
        List<Statement> statements = method.getBody().get().getStatements();
        return statements.size() == 1 && statements.get(0) instanceof ReturnStmt returned
                ? returned.getExpression() : Optional.empty();
    }

    /** The same constants, with initializers copied out of the file's tree, so that the tree can go. */
    public ConstantIndex detached() {
        Map<String, Constant> copies = new HashMap<>();
        constants.forEach((name, constant) -> copies.put(name,
                new Constant(DetachedExpressions.copyOf(constant.initializer), constant.context, constant.origin)));
        return new ConstantIndex(copies, types);
    }

    /** The constants of many files; of two with one qualified name (a file twice in the tree), the first. */
    public static ConstantIndex merge(Collection<ConstantIndex> indexes) {
        Map<String, Constant> constants = new HashMap<>();
        Map<String, TypeInfo> types = new HashMap<>();
        Set<String> differing = new HashSet<>();
        for (ConstantIndex index : indexes) {
            index.constants.forEach((name, constant) -> {
                Constant first = constants.putIfAbsent(name, constant);
                // Two modules' classes of one name whose methods return different values (hawkbit's Jpa of
                // EclipseLink and of Hibernate): which one runs is the build's choice, not known here.
                if (first != null && name.endsWith("()")
                        && !first.initializer().toString().equals(constant.initializer().toString())) {
                    differing.add(name);
                }
            });
            index.types.forEach(types::putIfAbsent);
        }
        differing.forEach(constants::remove);
        return new ConstantIndex(constants, types);
    }

    public boolean isEmpty() {
        return constants.isEmpty() && types.isEmpty();
    }

    /** The type a name written at a place stands for, if it is one of the service's. */
    public Optional<String> type(String written, NameContext context) {
        for (String candidate : context.typeCandidates(written)) {
            if (types.containsKey(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A constant of the type or inherited by it. */
    public Optional<Constant> member(String type, String name) {
        return member(type, name, 0);
    }

    private Optional<Constant> member(String type, String name, int depth) {
        Constant own = constants.get(type + "." + name);
        if (own != null || depth >= MAX_SUPERTYPE_DEPTH) {
            return Optional.ofNullable(own);
        }
        TypeInfo info = types.get(type);
        if (info == null) {
            return Optional.empty();
        }
        for (String supertype : info.supertypes()) {
            Optional<String> resolved = type(supertype, info.context());
            if (resolved.isPresent() && !resolved.get().equals(type)) {
                Optional<Constant> inherited = member(resolved.get(), name, depth + 1);
                if (inherited.isPresent()) {
                    return inherited;
                }
            }
        }
        return Optional.empty();
    }

    /** A constant by its qualified name, as a static import names it. */
    public Optional<Constant> qualified(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : member(name.substring(0, dot), name.substring(dot + 1));
    }

    /** Whether the type is an enum of the service with that constant. */
    public boolean isEnumConstant(String type, String name) {
        TypeInfo info = types.get(type);
        return info != null && info.enumConstants().contains(name);
    }

    /** The constants of an enum of the service, in declaration order; empty for any other type. */
    public List<String> enumConstants(String type) {
        TypeInfo info = types.get(type);
        return info == null ? List.of() : info.enumConstants();
    }

    /** Whether the type declares its own {@code toString()}, so that a constant's text is not its name. */
    public boolean overridesToString(String type) {
        TypeInfo info = types.get(type);
        return info == null || info.ownToString();
    }

    private static List<String> supertypes(TypeDeclaration<?> type) {
        List<String> names = new ArrayList<>();
        if (type instanceof ClassOrInterfaceDeclaration declaration) {
            for (ClassOrInterfaceType extended : declaration.getExtendedTypes()) {
                names.add(extended.getNameWithScope());
            }
            for (ClassOrInterfaceType implemented : declaration.getImplementedTypes()) {
                names.add(implemented.getNameWithScope());
            }
        } else if (type instanceof EnumDeclaration declaration) {
            for (ClassOrInterfaceType implemented : declaration.getImplementedTypes()) {
                names.add(implemented.getNameWithScope());
            }
        }
        return List.copyOf(names);
    }

    private static List<String> enumConstants(TypeDeclaration<?> type) {
        if (!(type instanceof EnumDeclaration declaration)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (EnumConstantDeclaration entry : declaration.getEntries()) {
            names.add(entry.getNameAsString());
        }
        return List.copyOf(names);
    }

    /** The qualified names of the constants, for tests and for the report of what a service declares. */
    Set<String> names() {
        return Set.copyOf(constants.keySet());
    }
}
