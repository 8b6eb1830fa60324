package io.switchover.patterns;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One file of the service as every extractor reads it: its path and text, and the syntax trees made of it, each made at
 * most once however many extractors read it. A file is read on one thread, so the trees are not shared between threads
 * and need no lock.
 */
public final class SourceFile {
    private final String path;
    private final String text;
    private final ServiceConfiguration configuration;
    private ParseResult<CompilationUnit> java;
    private RuntimeException javaFailure;
    private final Map<Object, Object> trees = new HashMap<>();

    public SourceFile(String path, String text) {
        this(path, text, ServiceConfiguration.none());
    }

    /** @param configuration what the service's configuration says that its SQL depends on */
    public SourceFile(String path, String text, ServiceConfiguration configuration) {
        this.path = path;
        this.text = text;
        this.configuration = configuration;
    }

    public ServiceConfiguration configuration() {
        return configuration;
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    public boolean endsWith(String suffix) {
        return path.endsWith(suffix);
    }

    /**
     * The file parsed by {@link JavaSources#parse}, once; a failed result says why there is no tree. A parser that
     * throws is rethrown to each caller, who treats it as the file not parsing.
     */
    public ParseResult<CompilationUnit> java() {
        if (javaFailure != null) {
            throw javaFailure;
        }
        if (java == null) {
            try {
                java = JavaSources.parse(text);
            } catch (RuntimeException e) {
                javaFailure = e;
                throw e;
            }
        }
        return java;
    }

    /**
     * Another reader's tree of the file (Kotlin tokens, a mapper's elements), made by {@code reader} the first time
     * it is asked for under {@code kind}: a key private to the package that owns the tree's type.
     */
    @SuppressWarnings("unchecked")
    public <T> T tree(Object kind, Function<String, T> reader) {
        Object known = trees.get(kind);
        if (known == null) {
            known = reader.apply(text);
            trees.put(kind, known);
        }
        return (T) known;
    }
}
