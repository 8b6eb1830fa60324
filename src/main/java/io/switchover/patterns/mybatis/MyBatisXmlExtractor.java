package io.switchover.patterns.mybatis;

import io.switchover.patterns.SourceFile;
import io.switchover.patterns.SqlExtractor;
import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the statements of a MyBatis mapper file: each {@code <select>}, {@code <insert>}, {@code <update>} and
 * {@code <delete>}, at the line of its element. Other XML files (build files, Spring contexts) give nothing.
 */
public final class MyBatisXmlExtractor implements SqlExtractor {
    public static final String ID = "mybatis-xml";

    private static final Set<String> STATEMENTS = Set.of("select", "insert", "update", "delete");
    // Cheap test before parsing: most XML in a service is not a mapper.
    private static final Pattern MAPPER_ROOT = Pattern.compile("<mapper[\\s>]");

    private final MapperXmlReader reader = new MapperXmlReader();
    private final MyBatisStatements statements;

    public MyBatisXmlExtractor(SqlStatementClassifier classifier) {
        this.statements = new MyBatisStatements(classifier);
    }

    /** Whether the text is worth parsing as a mapper. */
    public static boolean mayBeMapper(String text) {
        return MAPPER_ROOT.matcher(text).find();
    }

    @Override
    public boolean reads(String path) {
        return path.endsWith(".xml");
    }

    @Override
    public ExtractionResult extract(SourceFile file) {
        return extract(file.path(), file.text(), file.configuration().myBatisProperties());
    }

    public ExtractionResult extract(String path, String text) {
        return extract(path, text, Map.of());
    }

    /** @param configured the values the configuration gives {@code ${name}} (MyBatis's configuration properties) */
    public ExtractionResult extract(String path, String text, Map<String, String> configured) {
        if (!mayBeMapper(text)) {
            return ExtractionResult.empty();
        }
        XmlElement root;
        try {
            root = reader.read(text);
        } catch (MapperXmlReader.MapperXmlException e) {
            return new ExtractionResult(List.of(), List.of(UnresolvedSql.wholeFile(path, e.line(),
                    "the XML parser cannot read this mapper: " + e.getMessage())), List.of());
        }
        if (!root.name().equals("mapper")) {
            return ExtractionResult.empty();
        }
        Map<String, XmlElement> fragments = new HashMap<>();
        for (XmlElement element : root.elements()) {
            if (element.name().equals("sql") && element.attribute("id") != null) {
                fragments.put(element.attribute("id"), element);
            }
        }
        DynamicSql dynamic = new DynamicSql(fragments, root.attribute("namespace"), configured);
        List<ExtractionResult> results = new ArrayList<>();
        for (XmlElement element : root.elements()) {
            if (!STATEMENTS.contains(element.name())) {
                continue;
            }
            Origin origin = new Origin(path, element.line(), element.lastLine());
            String label = "<" + element.name() + " id=\"" + element.attribute("id") + "\">";
            if ("CALLABLE".equalsIgnoreCase(element.attribute("statementType"))) {
                results.add(new ExtractionResult(List.of(),
                        List.of(new UnresolvedSql(origin, label, "a stored procedure call")), List.of()));
                continue;
            }
            List<String> notes = new ArrayList<>();
            List<String> variants = dynamic.expand(element, notes);
            results.add(statements.toResult(variants, notes, origin, ID, label));
        }
        return ExtractionResult.combine(results);
    }
}
