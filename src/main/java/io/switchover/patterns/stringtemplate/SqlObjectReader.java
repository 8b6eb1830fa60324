package io.switchover.patterns.stringtemplate;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the jDBI SQL-object types of one Java file: their locator, what they extend, their statement methods. */
final class SqlObjectReader {
    private static final Set<String> STATEMENTS = Set.of("SqlQuery", "SqlUpdate", "SqlBatch");
    private static final Set<String> RUN_TIME = Set.of("Define", "DefineList");
    private static final Set<String> LISTS = Set.of("BindList", "BindIn", "BindBeanList");
    private static final String CLASSPATH_LOCATOR = "UseClasspathSqlLocator";
    private static final Set<String> BINDINGS = Set.of("Bind", "BindBean", "BindFields", "BindMethods");

    private SqlObjectReader() {
    }

    /** The file's SQL-object types: those with a locator, or with statement methods that a located type may inherit. */
    static List<SqlObjectType> read(String path, CompilationUnit unit) {
        List<SqlObjectType> types = new ArrayList<>();
        for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
            Optional<AnnotationExpr> locator = type.getAnnotations().stream()
                    .filter(StringTemplateLocators::isLocator).findFirst();
            List<SqlObjectMethod> methods = new ArrayList<>();
            boolean definesBindings = type.isAnnotationPresent("DefineNamedBindings");
            boolean classpathLocated = type.isAnnotationPresent(CLASSPATH_LOCATOR);
            for (MethodDeclaration method : type.getMethods()) {
                method.getAnnotations().stream().filter(a -> STATEMENTS.contains(a.getName().getIdentifier()))
                        .findFirst().ifPresent(statement -> methods.add(method(method, statement, definesBindings,
                                classpathLocated || method.isAnnotationPresent(CLASSPATH_LOCATOR))));
            }
            if (locator.isEmpty() && methods.isEmpty()) {
                continue;
            }
            List<List<String>> supertypes = new ArrayList<>();
            type.getExtendedTypes().forEach(extended -> supertypes.add(candidates(unit, extended)));
            types.add(new SqlObjectType(path, binaryName(unit, type), line(type.getName()), locator.isPresent(),
                    locator.flatMap(SqlObjectReader::stringValue).filter(v -> !v.isBlank()), supertypes, methods));
        }
        return types;
    }

    private static SqlObjectMethod method(MethodDeclaration method, AnnotationExpr statement, boolean definesBindings,
                                          boolean classpathLocated) {
        Set<String> runTime = new HashSet<>();
        Set<String> lists = new HashSet<>();
        boolean allBindings = definesBindings || method.isAnnotationPresent("DefineNamedBindings");
        for (Parameter parameter : method.getParameters()) {
            for (AnnotationExpr annotation : parameter.getAnnotations()) {
                String kind = annotation.getName().getIdentifier();
                String name = stringValue(annotation).filter(v -> !v.isBlank()).orElse(parameter.getNameAsString());
                if (RUN_TIME.contains(kind) || (allBindings && BINDINGS.contains(kind))) {
                    runTime.add(name);
                } else if (LISTS.contains(kind)) {
                    lists.add(name);
                }
            }
        }
        Optional<String> value = stringValue(statement).filter(v -> !v.isBlank());
        // A classpath locator names a .sql file, which is read on its own.
        boolean named = value.isPresent() || (statement instanceof SingleMemberAnnotationExpr single
                && !(single.getMemberValue() instanceof StringLiteralExpr)) || classpathLocated;
        return new SqlObjectMethod(method.getNameAsString(), value.orElse(method.getNameAsString()), named,
                line(method.getName()), new MethodAttributes(runTime, lists));
    }

    private static Optional<String> stringValue(AnnotationExpr annotation) {
        Expression value = null;
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            value = single.getMemberValue();
        } else if (annotation instanceof NormalAnnotationExpr normal) {
            value = normal.getPairs().stream().filter(p -> p.getNameAsString().equals("value"))
                    .map(MemberValuePair::getValue).findFirst().orElse(null);
        }
        return value instanceof StringLiteralExpr literal ? Optional.of(literal.asString()) : Optional.empty();
    }

    /** What an {@code extends} may name: an import, a type of this file, or one of the file's package. */
    private static List<String> candidates(CompilationUnit unit, ClassOrInterfaceType extended) {
        String written = extended.getNameWithScope();
        List<String> names = new ArrayList<>();
        String first = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
        String rest = written.substring(first.length()).replace('.', '$');
        for (ImportDeclaration declaration : unit.getImports()) {
            if (!declaration.isStatic() && !declaration.isAsterisk()
                    && declaration.getName().getIdentifier().equals(first)) {
                names.add(declaration.getNameAsString() + rest);
            }
        }
        String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        unit.findAll(ClassOrInterfaceDeclaration.class).stream()
                .filter(t -> t.getNameAsString().equals(first)).findFirst()
                .ifPresent(t -> names.add(binaryName(unit, t) + rest));
        names.add(pkg + written.replace('.', '$'));
        if (written.contains(".")) {
            names.add(written); // already qualified
        }
        return names;
    }

    private static String binaryName(CompilationUnit unit, TypeDeclaration<?> type) {
        StringBuilder name = new StringBuilder(type.getNameAsString());
        for (Optional<Node> parent = type.getParentNode(); parent.isPresent(); parent = parent.get().getParentNode()) {
            if (parent.get() instanceof TypeDeclaration<?> outer) {
                name.insert(0, outer.getNameAsString() + "$");
            }
        }
        return unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("") + name;
    }

    private static int line(Node node) {
        return node.getBegin().map(p -> p.line).orElse(1);
    }
}
