package io.switchover.mentions;

import io.switchover.SwitchoverException;
import io.switchover.snapshot.SnapshotPaths;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code files of a production version that nothing else in the version refers to: a reviewer who greps a dropped
 * column and finds it only in such a file greps the file's class next, and finds it named in tests alone (a contract
 * listing the columns replicated to a data warehouse, checked by a unit test). The old service cannot run what no file
 * of it reaches, so such a mention is a hint, not a break.
 * <p>
 * A file counts only when every top-level declaration in it is a plain type (class, interface, object, enum, record)
 * with no annotation and no supertype, since a framework finds an annotated class, or one that extends its interface,
 * without any file naming it (a Spring bean, a Spring Data repository); and when no other file of the snapshot names
 * one of its types: no code, configuration, markup or template file outside the tests, whether or not the check reads
 * its SQL (a module left out of {@code --sources} still runs in production). A top-level function or property (Kotlin)
 * can be called without naming a type, so a file with one never counts.
 */
final class UnreachedTypes {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern HEADER_LINE = Pattern.compile("(?m)^\\s*(package|import)\\s[^\\n;]*;?");
    private static final String MODIFIERS = "(?:(?:public|internal|private|protected|final|abstract|open|sealed|data|inner"
            + "|value|annotation|static|strictfp|enum)\\s+)*";
    /** One plain type: modifiers, kind, name, type parameters, a primary constructor or record header, a body. */
    private static final Pattern PLAIN_TYPE = Pattern.compile("\\s*" + MODIFIERS
            + "(?:class|interface|object|record|enum)\\s+([A-Za-z_$][\\w$]*)\\s*(?:<[^<>{}()@:]*>)?\\s*"
            + "(?:\\([^(){}@]*\\))?\\s*(?:\\{})?");

    private final MentionNet.Version version;
    /** How many of the snapshot's files name each word, read the first time a file is asked about. */
    private Map<String, Integer> filesNaming;

    UnreachedTypes(MentionNet.Version version) {
        this.version = version;
    }

    /** The types the file declares when it is one no other file of the version reaches; empty if it is reached. */
    Optional<List<String>> of(String path, String text) {
        if (!path.endsWith(".java") && !path.endsWith(".kt")) {
            return Optional.empty();
        }
        Optional<List<String>> declared = plainTypes(text, path.endsWith(".kt"));
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> naming = filesNaming();
        // The file itself names each of its types once; a second file is a use.
        boolean reached = declared.get().stream().anyMatch(type -> naming.getOrDefault(type, 0) > 1);
        return reached ? Optional.empty() : declared;
    }

    /** The names of the file's top-level types, if it declares nothing else and none has an annotation or supertype. */
    static Optional<List<String>> plainTypes(String text, boolean kotlin) {
        Optional<String> topLevel = topLevel(text, kotlin);
        if (topLevel.isEmpty()) {
            return Optional.empty();
        }
        String declarations = HEADER_LINE.matcher(topLevel.get()).replaceAll("").replace(";", " ");
        if (declarations.contains("@")) {
            return Optional.empty(); // an annotation, of a type or of the file (@file:JvmName)
        }
        List<String> types = new ArrayList<>();
        Matcher type = PLAIN_TYPE.matcher(declarations);
        int at = 0;
        while (at < declarations.length() && !declarations.substring(at).isBlank()) {
            if (!type.find(at) || type.start() != at || type.end() == at) {
                return Optional.empty();
            }
            if (!Character.isUpperCase(type.group(1).charAt(0))) {
                return Optional.empty(); // only capitalized words are counted in the other files
            }
            types.add(type.group(1));
            at = type.end();
        }
        return types.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(types));
    }

    /**
     * The text outside every brace, with comments, strings and character literals blanked; empty when the braces do
     * not balance (then nothing is concluded).
     */
    private static Optional<String> topLevel(String text, boolean kotlin) {
        StringBuilder outside = new StringBuilder();
        int depth = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int skipTo = -1;
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                skipTo = lineEnd(text, i);
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (kotlin && text.indexOf("/*", i + 2) >= 0 && text.indexOf("/*", i + 2) < end) {
                    return Optional.empty(); // a nested comment: not worth getting wrong
                }
                skipTo = end < 0 ? n : end + 2;
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                skipTo = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                skipTo = quotedEnd(text, i, c);
            }
            if (skipTo >= 0) {
                if (depth == 0) {
                    outside.append(' ');
                }
                i = skipTo;
                continue;
            }
            if (c == '{') {
                if (depth == 0) {
                    outside.append('{');
                }
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth < 0) {
                    return Optional.empty();
                }
                if (depth == 0) {
                    outside.append('}');
                }
            } else if (depth == 0) {
                outside.append(c);
            }
            i++;
        }
        return depth == 0 ? Optional.of(outside.toString()) : Optional.empty();
    }

    private static int lineEnd(String text, int i) {
        int end = text.indexOf('\n', i);
        return end < 0 ? text.length() : end;
    }

    /** Past the closing quote, escapes followed; a literal never runs past its line. */
    private static int quotedEnd(String text, int i, char quote) {
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != quote && text.charAt(j) != '\n') {
            j += text.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(text.length(), j + 1);
    }

    private Map<String, Integer> filesNaming() {
        if (filesNaming == null) {
            filesNaming = new HashMap<>();
            for (String path : version.snapshot().files()) {
                if (SourceSpans.of(path) == null || SnapshotPaths.isTestSource(path)) {
                    continue;
                }
                String text;
                try {
                    text = version.snapshot().read(path);
                } catch (SwitchoverException e) {
                    continue;
                }
                Set<String> names = new HashSet<>();
                Matcher name = NAME.matcher(text);
                while (name.find()) {
                    if (Character.isUpperCase(text.charAt(name.start()))) {
                        names.add(name.group());
                    }
                }
                names.forEach(found -> filesNaming.merge(found, 1, Integer::sum));
            }
        }
        return filesNaming;
    }
}
