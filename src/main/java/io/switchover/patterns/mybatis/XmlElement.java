package io.switchover.patterns.mybatis;

import java.util.List;
import java.util.Map;

/**
 * An element of a mapper file as far as dynamic SQL needs it.
 *
 * @param name     the element name, such as {@code select} or {@code if}
 * @param children {@link XmlElement}s and {@link String} text (CDATA included), in document order
 * @param line     1-based line of the element's {@code <}
 * @param lastLine 1-based line where the element ends
 */
public record XmlElement(String name, Map<String, String> attributes, List<Object> children, int line, int lastLine) {

    public XmlElement(String name, Map<String, String> attributes, List<Object> children, int line) {
        this(name, attributes, children, line, line);
    }

    public XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    public String attribute(String attribute) {
        return attributes.get(attribute);
    }

    public List<XmlElement> elements() {
        return children.stream().filter(XmlElement.class::isInstance).map(XmlElement.class::cast).toList();
    }
}
