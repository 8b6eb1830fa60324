package io.switchover.config;

import io.switchover.FileProblem;
import io.switchover.SwitchoverException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a {@code switchover.yml} within bounds: a configuration is a few dozen lines four levels deep, so a file that
 * is megabytes long or nested dozens of levels is a mistake (or an attack on the gate), refused in one line before
 * snakeyaml's composer, which recurses once per level, can overflow the stack.
 */
public final class YamlLimits {
    /** Bytes; the longest real configuration is a few kilobytes. */
    static final int MAX_BYTES = 1024 * 1024;
    /** Collections inside collections; the deepest key of the format ({@code services[].production.endpoint}) is 4. */
    static final int MAX_DEPTH = 32;
    /** Anchors and aliases are YAML's way to make a small file expand into a huge one ("billion laughs"). */
    private static final int MAX_ALIASES = 50;

    private YamlLimits() {
    }

    static String readText(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw SwitchoverException.badInput("cannot read " + file + ": "
                        + (Files.exists(file) ? "not a regular file" : "no such file"));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw SwitchoverException.badInput(file + " is " + Files.size(file) / 1024 + " KB; a switchover.yml"
                        + " is at most " + MAX_BYTES / 1024 + " KB: is it the right file?");
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw SwitchoverException.badInput(file + " is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot read " + file + ": " + FileProblem.describe(e));
        }
    }

    /** The document's root node; every problem is bad input naming the file and, where known, the line. */
    static Node compose(String name, String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(name)
                .setCodePointLimit(MAX_BYTES)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .build();
        try {
            requireShallow(name, settings, text, "; a switchover.yml needs four (services, a service, production,"
                    + " endpoint)");
            return new Compose(settings).composeString(text)
                    .orElseThrow(() -> SwitchoverException.badInput(name + ": the file is empty"));
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
            throw SwitchoverException.badInput(name + ":" + line + ": not valid YAML: " + firstLine(e.getProblem()));
        } catch (YamlEngineException e) {
            throw SwitchoverException.badInput(name + ": not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Refuses a YAML text (every document of it) nested more than {@value #MAX_DEPTH} levels deep, as bad input naming
     * the line: snakeyaml's composer and constructor recurse once per level. Other YAML files read from a snapshot
     * (Spring Boot's {@code application.yml}) go through it before they are loaded.
     */
    public static void requireShallow(String name, String text) {
        try {
            requireShallow(name, LoadSettings.builder().setLabel(name).build(), text, "");
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
            throw SwitchoverException.badInput(name + ":" + line + ": not valid YAML: " + firstLine(e.getProblem()));
        } catch (YamlEngineException e) {
            throw SwitchoverException.badInput(name + ": not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    /** Walks the parser's events, which it produces without recursion, and refuses a document nested too deep. */
    private static void requireShallow(String name, LoadSettings settings, String text, String hint) {
        int depth = 0;
        for (Event event : new Parse(settings).parseString(text)) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    depth++;
                    if (depth > MAX_DEPTH) {
                        int line = event.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
                        throw SwitchoverException.badInput(name + ":" + line + ": nested more than " + MAX_DEPTH
                                + " levels deep" + hint);
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                    // scalars, aliases and document markers do not nest
                }
            }
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").strip();
    }
}
