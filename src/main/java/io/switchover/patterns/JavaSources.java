package io.switchover.patterns;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;

/**
 * Parses Java sources. The grammar takes every construct up to the newest Java; the language level is left RAW, which
 * skips JavaParser's validators (a third of its time, checking rules a compiler already checked for the service) and
 * accepts what an older or newer compiler would. A {@link JavaParser} reuses its generated parser from one call to
 * the next and so must not be shared between threads; service files are read on several at once, each with its own.
 */
public final class JavaSources {
    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() ->
            new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)));

    private JavaSources() {
    }

    public static ParseResult<CompilationUnit> parse(String source) {
        return PARSER.get().parse(source);
    }

    /** Where a node of a file's tree is: its first line, and its last. */
    public static Origin origin(String path, com.github.javaparser.ast.Node node) {
        int first = node.getBegin().map(p -> p.line).orElse(1);
        return new Origin(path, first, node.getEnd().map(p -> p.line).orElse(first));
    }
}
