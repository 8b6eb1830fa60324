package io.switchover.patterns.jpa;

import com.github.javaparser.ParseResult;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.switchover.patterns.SourceFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads the types of one Java file with JavaParser; a file that does not parse yields a warning, never an exception. */
final class JavaSourceReader {

    /** The types of the file, or the reason it cannot be read. */
    record Read(List<SourceType> types, String problem) {
    }

    Read read(String path, String source) {
        return read(new SourceFile(path, source));
    }

    /** From the file's shared tree. */
    Read read(SourceFile file) {
        String path = file.path();
        ParseResult<CompilationUnit> parsed;
        try {
            parsed = file.java();
        } catch (RuntimeException | StackOverflowError e) {
            return new Read(List.of(), String.valueOf(e.getMessage()));
        }
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return new Read(List.of(), parsed.getProblems().stream().findFirst().map(Problem::getMessage)
                    .map(m -> m.lines().findFirst().orElse("").strip()).orElse("no result"));
        }
        CompilationUnit unit = parsed.getResult().get();
        String packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        Map<Boolean, List<String>> byStatic = unit.getImports().stream().collect(Collectors.partitioningBy(
                ImportDeclaration::isStatic, Collectors.mapping(i -> i.getNameAsString() + (i.isAsterisk() ? ".*" : ""),
                        Collectors.toList())));
        List<String> imports = byStatic.get(false);
        List<String> staticImports = byStatic.get(true);
        List<SourceType> types = new ArrayList<>();
        for (ClassOrInterfaceDeclaration declaration : unit.findAll(ClassOrInterfaceDeclaration.class)) {
            types.add(type(path, packageName, imports, declaration).withStaticImports(staticImports));
        }
        for (RecordDeclaration declaration : unit.findAll(RecordDeclaration.class)) {
            types.add(record(path, packageName, imports, declaration).withStaticImports(staticImports));
        }
        return new Read(types, null);
    }

    private static SourceType type(String path, String packageName, List<String> imports,
                                   ClassOrInterfaceDeclaration declaration) {
        List<SourceField> fields = new ArrayList<>();
        Map<String, Object> constants = new HashMap<>();
        for (FieldDeclaration field : declaration.getFields()) {
            boolean isStatic = field.isStatic() || declaration.isInterface();
            for (VariableDeclarator variable : field.getVariables()) {
                if (isStatic && variable.getInitializer().isPresent()
                        && variable.getTypeAsString().matches("(java\\.lang\\.)?String")) {
                    constants.put(variable.getNameAsString(), value(variable.getInitializer().get()));
                }
                fields.add(new SourceField(variable.getNameAsString(), typeRef(variable.getType()),
                        annotations(field.getAnnotations()), isStatic, field.hasModifier(Modifier.Keyword.TRANSIENT),
                        line(variable.getName())));
            }
        }
        if (propertyAccess(declaration)) {
            fields.removeIf(f -> !f.isStatic());
            fields.addAll(getterProperties(declaration));
        }
        List<SourceMethod> methods = new ArrayList<>();
        for (MethodDeclaration method : declaration.getMethods()) {
            methods.add(new SourceMethod(method.getNameAsString(), annotations(method.getAnnotations()),
                    method.getBody().isPresent(), line(method.getName())));
        }
        TypeRef superclass = declaration.isInterface() || declaration.getExtendedTypes().isEmpty()
                ? TypeRef.NONE : typeRef(declaration.getExtendedTypes().get(0));
        List<TypeRef> interfaces = new ArrayList<>();
        (declaration.isInterface() ? declaration.getExtendedTypes() : declaration.getImplementedTypes())
                .forEach(t -> interfaces.add(typeRef(t)));
        return new SourceType(path, packageName, imports, declaration.getNameAsString(), declaration.isInterface(),
                declaration.isAbstract(), line(declaration.getName()), annotations(declaration.getAnnotations()),
                superclass, interfaces, fields, methods, constants);
    }

    /** A record: its components are its fields (an {@code @Embeddable} record, a Spring Data JDBC aggregate). */
    private static SourceType record(String path, String packageName, List<String> imports,
                                     RecordDeclaration declaration) {
        List<SourceField> fields = new ArrayList<>();
        for (Parameter component : declaration.getParameters()) {
            fields.add(new SourceField(component.getNameAsString(), typeRef(component.getType()),
                    annotations(component.getAnnotations()), false, false, line(component.getName())));
        }
        List<TypeRef> interfaces = new ArrayList<>();
        declaration.getImplementedTypes().forEach(t -> interfaces.add(typeRef(t)));
        return new SourceType(path, packageName, imports, declaration.getNameAsString(), false, false,
                line(declaration.getName()), annotations(declaration.getAnnotations()), TypeRef.NONE, interfaces, fields,
                List.of(), Map.of());
    }

    /**
     * JPA's property access: {@code @Access(AccessType.PROPERTY)} on the class, or the id mapped on a getter. The
     * persistent attributes are then the getters ({@code getName()}, {@code isActive()}), with their annotations.
     */
    private static boolean propertyAccess(ClassOrInterfaceDeclaration declaration) {
        boolean declared = declaration.getAnnotationByName("Access")
                .filter(a -> a.toString().contains("PROPERTY")).isPresent();
        return declared || declaration.getMethods().stream()
                .anyMatch(m -> isGetter(m) && (m.isAnnotationPresent("Id") || m.isAnnotationPresent("EmbeddedId")));
    }

    private static boolean isGetter(MethodDeclaration method) {
        String name = method.getNameAsString();
        return !method.isStatic() && method.getParameters().isEmpty() && !method.getType().isVoidType()
                && (name.matches("get\\p{Lu}\\w*") || name.matches("is\\p{Lu}\\w*")
                && method.getType().asString().matches("(?i)boolean"));
    }

    private static List<SourceField> getterProperties(ClassOrInterfaceDeclaration declaration) {
        List<SourceField> properties = new ArrayList<>();
        for (MethodDeclaration method : declaration.getMethods()) {
            if (!isGetter(method)) {
                continue;
            }
            String name = method.getNameAsString();
            String property = name.substring(name.startsWith("is") ? 2 : 3);
            property = Character.toLowerCase(property.charAt(0)) + property.substring(1);
            properties.add(new SourceField(property, typeRef(method.getType()), annotations(method.getAnnotations()),
                    false, false, line(method.getName())));
        }
        return properties;
    }

    private static TypeRef typeRef(Type type) {
        if (type instanceof ClassOrInterfaceType classType) {
            List<TypeRef> arguments = new ArrayList<>();
            classType.getTypeArguments().ifPresent(args -> args.forEach(a -> arguments.add(typeRef(a))));
            return new TypeRef(classType.getNameWithScope(), arguments, true);
        }
        if (type instanceof ArrayType array) {
            return new TypeRef(typeRef(array.getComponentType()).name() + "[]", List.of(), true);
        }
        return new TypeRef(type.asString(), List.of());
    }

    private static List<SourceAnnotation> annotations(NodeList<AnnotationExpr> annotations) {
        return annotations.stream().map(JavaSourceReader::annotation).toList();
    }

    private static SourceAnnotation annotation(AnnotationExpr expression) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        if (expression instanceof SingleMemberAnnotationExpr single) {
            values.put("value", value(single.getMemberValue()));
            lines.put("value", line(single.getMemberValue()));
        } else if (expression instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                values.put(pair.getNameAsString(), value(pair.getValue()));
                lines.put(pair.getNameAsString(), line(pair.getValue()));
            }
        }
        return new SourceAnnotation(expression.getNameAsString(), values, lines, line(expression));
    }

    private static Object value(Expression expression) {
        if (expression instanceof StringLiteralExpr literal) {
            return literal.asString();
        }
        if (expression instanceof TextBlockLiteralExpr textBlock) {
            return textBlock.asString();
        }
        if (expression instanceof BooleanLiteralExpr flag) {
            return flag.getValue();
        }
        if (expression instanceof NameExpr || expression instanceof FieldAccessExpr) {
            return new SourceAnnotation.Symbol(expression.toString());
        }
        if (expression instanceof ClassExpr classExpr) {
            return new SourceAnnotation.Symbol(classExpr.getType().asString());
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return value(enclosed.getInner());
        }
        if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            List<Object> parts = new ArrayList<>();
            flatten(binary, parts);
            return new SourceAnnotation.Concat(parts);
        }
        if (expression instanceof AnnotationExpr nested) {
            return annotation(nested);
        }
        if (expression instanceof ArrayInitializerExpr array) {
            return array.getValues().stream().map(JavaSourceReader::value).toList();
        }
        return new SourceAnnotation.Unresolved(expression.toString());
    }

    private static void flatten(Expression expression, List<Object> parts) {
        if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            flatten(binary.getLeft(), parts);
            flatten(binary.getRight(), parts);
        } else if (expression instanceof EnclosedExpr enclosed) {
            flatten(enclosed.getInner(), parts);
        } else {
            parts.add(value(expression));
        }
    }

    private static int line(Node node) {
        return node.getBegin().map(p -> p.line).orElse(1);
    }
}
