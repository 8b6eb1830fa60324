package io.switchover.patterns;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names in scope at a place of a Java file, as the compiler sees them: the package, the enclosing types (innermost
 * first, by qualified name), the imports and the static imports. Kept apart from the tree, so that an expression can
 * be evaluated once the whole service is read, after its file's tree is gone.
 *
 * @param imports        simple name to qualified name of each single-type import
 * @param onDemand       the packages and types imported with {@code .*}
 * @param staticImports  member name to the qualified name of the member, of each single static import
 * @param staticOnDemand the types whose static members are imported with {@code .*}
 */
public record NameContext(String packageName, List<String> enclosing, Map<String, String> imports,
                          List<String> onDemand, Map<String, String> staticImports, List<String> staticOnDemand) {

    public NameContext {
        enclosing = List.copyOf(enclosing);
        imports = Map.copyOf(imports);
        onDemand = List.copyOf(onDemand);
        staticImports = Map.copyOf(staticImports);
        staticOnDemand = List.copyOf(staticOnDemand);
    }

    /** The names of the file, outside every type. */
    public static NameContext of(CompilationUnit unit) {
        String packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        Map<String, String> imports = new HashMap<>();
        List<String> onDemand = new ArrayList<>();
        Map<String, String> staticImports = new HashMap<>();
        List<String> staticOnDemand = new ArrayList<>();
        for (ImportDeclaration declaration : unit.getImports()) {
            String name = declaration.getNameAsString();
            if (declaration.isStatic() && declaration.isAsterisk()) {
                staticOnDemand.add(name);
            } else if (declaration.isStatic()) {
                staticImports.put(name.substring(name.lastIndexOf('.') + 1), name);
            } else if (declaration.isAsterisk()) {
                onDemand.add(name);
            } else {
                imports.put(name.substring(name.lastIndexOf('.') + 1), name);
            }
        }
        return new NameContext(packageName, List.of(), imports, onDemand, staticImports, staticOnDemand);
    }

    /** The names in scope at a node: the file's, within the types that enclose the node. */
    public NameContext at(Node node) {
        List<String> types = new ArrayList<>();
        Optional<Node> current = Optional.of(node);
        while (current.isPresent()) {
            if (current.get() instanceof TypeDeclaration<?> type) {
                types.add(qualifiedName(type));
            }
            current = current.get().getParentNode();
        }
        return new NameContext(packageName, types, imports, onDemand, staticImports, staticOnDemand);
    }

    /** {@code com.example.Outer.Inner}: the package, then each enclosing type outermost first. */
    public String qualifiedName(TypeDeclaration<?> type) {
        StringBuilder name = new StringBuilder(type.getNameAsString());
        Optional<Node> parent = type.getParentNode();
        while (parent.isPresent()) {
            if (parent.get() instanceof TypeDeclaration<?> outer) {
                name.insert(0, outer.getNameAsString() + ".");
            }
            parent = parent.get().getParentNode();
        }
        return packageName.isEmpty() ? name.toString() : packageName + "." + name;
    }

    /**
     * The qualified names a type name written here may stand for, most likely first: a type nested in an enclosing
     * one, a single import, the own package, an on-demand import, {@code java.lang}, or the name as written.
     */
    public List<String> typeCandidates(String written) {
        int dot = written.indexOf('.');
        String first = dot < 0 ? written : written.substring(0, dot);
        String rest = dot < 0 ? "" : written.substring(dot);
        List<String> candidates = new ArrayList<>();
        for (String type : enclosing) {
            candidates.add(type + "." + first + rest);
            // Outer.Inner used from Outer.Other: the nested type of an outer one.
            int outer = type.lastIndexOf('.');
            while (outer > 0) {
                candidates.add(type.substring(0, outer) + "." + first + rest);
                outer = type.lastIndexOf('.', outer - 1);
            }
            if (type.endsWith("." + first) || type.equals(first)) {
                candidates.add(type + rest);
            }
        }
        String imported = imports.get(first);
        if (imported != null) {
            candidates.add(imported + rest);
        }
        candidates.add(packageName.isEmpty() ? written : packageName + "." + written);
        for (String prefix : onDemand) {
            candidates.add(prefix + "." + written);
        }
        for (String type : staticOnDemand) {
            candidates.add(type + "." + written); // a nested type of a statically imported one
        }
        candidates.add(written);
        return candidates;
    }
}
