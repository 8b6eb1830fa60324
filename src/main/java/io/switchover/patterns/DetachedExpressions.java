package io.switchover.patterns;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies of a file's expressions that outlive its tree, each inside a copy of the outermost type that declares it, so
 * that the locals of its method and the fields its constructors assign still resolve when the service's constants are
 * known (UAA's {@code String q = dbUtils.getQuotedIdentifier(JdbcScimGroupProvisioning.GROUP_TABLE, t)}, formatted
 * into a statement later). One copy per type, however many of its expressions wait: the file's tree is not kept.
 */
final class DetachedExpressions {
    private final Map<TypeDeclaration<?>, Copy> copies = new IdentityHashMap<>();

    private record Copy(List<Expression> original, List<Expression> copied) {
    }

    /** The copy of the expression, inside the copy of its outermost type; alone when no type declares it. */
    Expression detach(Expression expression) {
        Optional<TypeDeclaration<?>> outermost = outermostType(expression);
        if (outermost.isEmpty()) {
            return copyOf(expression);
        }
        Copy copy = copies.computeIfAbsent(outermost.get(), type -> new Copy(type.findAll(Expression.class),
                copyOf(type).findAll(Expression.class)));
        for (int i = 0; i < copy.original().size(); i++) {
            if (copy.original().get(i) == expression) {
                return i < copy.copied().size() ? copy.copied().get(i) : copyOf(expression);
            }
        }
        return copyOf(expression);
    }

    /**
     * A copy of the node that holds nothing of the file's tree: JavaParser's clone keeps each node's range of tokens,
     * and the tokens are one list through the whole file, so a copied string literal would keep every token of its
     * file alive (a service's constants, every file's tokens: 50 MB at 20,000 statements). The copy keeps the lines and
     * columns, which is all that is read of it.
     */
    static <N extends Node> N copyOf(N node) {
        @SuppressWarnings("unchecked")
        N copy = (N) node.clone();
        List<Node> inside = new java.util.ArrayList<>(copy.findAll(Node.class));
        inside.addAll(copy.getAllContainedComments()); // not among the children findAll walks
        copy.getComment().ifPresent(inside::add);
        for (Node part : inside) {
            Range range = part.getRange().orElse(null);
            part.setTokenRange(null);
            part.setRange(range);
        }
        return copy;
    }

    private static Optional<TypeDeclaration<?>> outermostType(Node node) {
        TypeDeclaration<?> found = null;
        Optional<Node> parent = node.getParentNode();
        while (parent.isPresent()) {
            if (parent.get() instanceof TypeDeclaration<?> type) {
                found = type;
            }
            parent = parent.get().getParentNode();
        }
        return Optional.ofNullable(found);
    }
}
