package io.switchover.patterns;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import io.switchover.patterns.model.Origin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Parses Java sources. The grammar takes every construct up to the newest Java; the language level is left RAW, which
 * skips JavaParser's validators (a third of its time, checking rules a compiler already checked for the service) and
 * accepts what an older or newer compiler would. A {@link JavaParser} reuses its generated parser from one call to the
 * next and so must not be shared between threads; service files are read on several at once, each with its own.
 *
 * <p>JavaParser and every visitor of its tree recurse once per level, and its tree with its tokens (which give every
 * node its line) takes about 100 bytes of heap per byte of source. So a file is parsed only within bounds, beyond
 * which it is a place not checked rather than a crash: at most {@value #MAX_CHARS} characters, brackets nested at
 * most {@value #MAX_NESTING} deep, and a tree at most {@value #MAX_TREE_DEPTH} levels deep (a {@code +} chain of N
 * terms is N levels); the extraction threads' stacks ({@code InParallel}) hold many times that. Files over
 * {@value #LARGE_CHARS} characters are parsed one at a time, so that two large trees are never in the heap at once:
 * the largest file then needs some 200 MB, and a check of any service fits in a 512 MB heap.
 */
public final class JavaSources {
    /** Characters of one file; the largest hand-written Java files are a tenth of it. */
    public static final int MAX_CHARS = 2 * 1024 * 1024;
    /** Files larger than this are parsed one at a time. */
    static final int LARGE_CHARS = 256 * 1024;
    private static final Object ONE_LARGE_FILE_AT_A_TIME = new Object();
    /** Parentheses, brackets and braces inside each other. */
    public static final int MAX_NESTING = 200;
    /** Levels of the syntax tree. */
    public static final int MAX_TREE_DEPTH = 2_000;

    /** Parses made on each thread, so that a test can tell a file is parsed once however many readers read it. */
    private static final ThreadLocal<long[]> PARSES = ThreadLocal.withInitial(() -> new long[1]);

    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() ->
            new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)));
    /**
     * For a file the first parser cannot read: without a language level, JavaParser reads {@code yield x >= e;} in a
     * switch expression's block as an identifier and fails (alf.io's GroupManager); at Java 25's it is the statement.
     * Kept second, because its validations would refuse code that older Java compiles.
     */
    private static final ThreadLocal<JavaParser> CURRENT_JAVA = ThreadLocal.withInitial(() ->
            new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)));

    private JavaSources() {
    }

    /** The parse; a file beyond the bounds gives a failed result whose problem says why (see {@link #whyNot}). */
    public static ParseResult<CompilationUnit> parse(String source) {
        PARSES.get()[0]++;
        if (source.length() > MAX_CHARS) {
            return refused("it is " + source.length() / 1024 + " KB of Java, more than the " + MAX_CHARS / 1024
                    + " KB switchover gives JavaParser (its tree takes about 100 times the file's size)");
        }
        int nesting = BracketNesting.ofJava(source);
        if (nesting > MAX_NESTING) {
            return refused("its brackets are nested " + nesting + " deep, more than the " + MAX_NESTING
                    + " switchover gives JavaParser");
        }
        ParseResult<CompilationUnit> parsed;
        if (source.length() > LARGE_CHARS) {
            synchronized (ONE_LARGE_FILE_AT_A_TIME) {
                parsed = parsedByEither(source);
            }
        } else {
            parsed = parsedByEither(source);
        }
        if (parsed.getResult().isPresent()) {
            int depth = depth(parsed.getResult().get());
            if (depth > MAX_TREE_DEPTH) {
                return refused("an expression in it is " + depth + " levels deep (a long + chain?), more than the "
                        + MAX_TREE_DEPTH + " switchover follows");
            }
        }
        return parsed;
    }

    private static ParseResult<CompilationUnit> parsedByEither(String source) {
        ParseResult<CompilationUnit> raw = PARSER.get().parse(source);
        if (raw.isSuccessful() || !source.contains("yield")) {
            return raw;
        }
        ParseResult<CompilationUnit> current = CURRENT_JAVA.get().parse(source);
        return current.isSuccessful() ? current : raw;
    }

    /** How many parses this thread made so far. */
    static long parsesOnThisThread() {
        return PARSES.get()[0];
    }

    /**
     * Why a file gave no tree, for the report: "JavaParser cannot parse it: ..." for a syntax error, "not parsed:
     * ..." for a file beyond the bounds.
     */
    public static String whyNot(ParseResult<CompilationUnit> parsed) {
        Optional<Problem> problem = parsed.getProblems().stream().findFirst();
        String message = problem.map(Problem::getMessage).map(m -> m.lines().findFirst().orElse("").strip())
                .orElse("no result");
        boolean refused = problem.flatMap(Problem::getCause).filter(NotParsed.class::isInstance).isPresent();
        if (refused) {
            return "not parsed: " + message;
        }
        // "Parse error. Found <EOF>, expected one of ..." and sixty keywords: what was found is what helps.
        int expected = message.indexOf(", expected");
        return "JavaParser cannot parse it: " + Fragments.shorten(expected > 0 ? message.substring(0, expected) : message);
    }

    private static ParseResult<CompilationUnit> refused(String reason) {
        return new ParseResult<>(null, List.of(new Problem(reason, null, new NotParsed(reason))), null);
    }

    /** The depth of the tree, found without recursion. */
    private static int depth(Node root) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        int deepest = 0;
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            deepest = Math.max(deepest, depth);
            for (Node child : node.getChildNodes()) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
        return deepest;
    }

    /** Marks a problem as switchover's refusal rather than JavaParser's; never thrown. */
    private static final class NotParsed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotParsed(String message) {
            super(message, null, false, false);
        }
    }

    /** Where a node of a file's tree is: its first line, and its last. */
    public static Origin origin(String path, com.github.javaparser.ast.Node node) {
        int first = node.getBegin().map(p -> p.line).orElse(1);
        return new Origin(path, first, node.getEnd().map(p -> p.line).orElse(first));
    }
}
