package io.switchover.patterns.mybatis;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads mapper XML into {@link XmlElement}s that know their line. SAX rather than DOM because DOM forgets where an
 * element was. Mappers declare the MyBatis DTD; it is never fetched (a pipeline has no network to spare, and an
 * external entity is a way into the build machine), so entities it would define stay unresolved.
 */
public final class MapperXmlReader {
    /** Elements inside each other; a real mapper nests a handful ({@code <where><if><foreach>}). */
    static final int MAX_DEPTH = 100;

    /**
     * Parses a mapper document, or the {@code <script>} of a MyBatis annotation (XML without a prolog); the root
     * element is returned.
     */
    public XmlElement read(String xml) throws MapperXmlException {
        Handler handler = new Handler(xml);
        try {
            SAXParser parser = factory().newSAXParser();
            parser.setProperty("http://xml.org/sax/properties/lexical-handler", handler);
            InputSource input = new InputSource(new StringReader(xml));
            parser.getXMLReader().setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            parser.parse(input, handler);
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int line = e instanceof SAXParseException located ? located.getLineNumber() : 1;
            throw new MapperXmlException(message.lines().findFirst().orElse("").strip(), line);
        }
        if (handler.root == null) {
            throw new MapperXmlException("no root element", 1);
        }
        return handler.root;
    }

    private static SAXParserFactory factory() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        return factory;
    }

    /** The document is not well-formed XML (or nested too deep); the message is the parser's first line. */
    public static final class MapperXmlException extends Exception {
        private static final long serialVersionUID = 1L;

        private final int line;

        MapperXmlException(String message, int line) {
            super(message);
            this.line = line;
        }

        /** Where the parser stopped, 1 when it does not say. */
        public int line() {
            return Math.max(1, line);
        }
    }

    private static final class Handler extends DefaultHandler2 {
        private final LineStarts lines;
        private final Deque<Builder> open = new ArrayDeque<>();
        private Locator locator;
        private XmlElement root;

        Handler(String source) {
            this.lines = new LineStarts(source);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXParseException {
            if (open.size() >= MAX_DEPTH) {
                // The tree is read recursively (dynamic SQL is expanded element by element): refuse it here.
                throw new SAXParseException("elements nested more than " + MAX_DEPTH + " deep", locator);
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < attributes.getLength(); i++) {
                values.put(attributes.getQName(i), attributes.getValue(i));
            }
            if (!open.isEmpty()) {
                open.peek().endText();
            }
            open.push(new Builder(qName, values, startLine(qName)));
        }

        // The locator stands at the end of the start tag; a tag spread over lines starts where its '<' is.
        private int startLine(String qName) {
            if (locator == null) {
                return 1;
            }
            int end = lines.offset(locator.getLineNumber(), locator.getColumnNumber());
            int start = lines.text().lastIndexOf("<" + qName, Math.max(0, end - 1));
            return lines.lineOf(start >= 0 ? start : end);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().text(new String(ch, start, length));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Builder done = open.pop();
            done.endText();
            XmlElement element = new XmlElement(done.name, done.attributes, done.children, done.line,
                    locator == null ? done.line : locator.getLineNumber());
            if (open.isEmpty()) {
                root = element;
            } else {
                open.peek().children.add(element);
            }
        }
    }

    private static final class Builder {
        final String name;
        final Map<String, String> attributes;
        final int line;
        final List<Object> children = new ArrayList<>();
        private StringBuilder pendingText;

        Builder(String name, Map<String, String> attributes, int line) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
        }

        /** SAX may deliver one text node in many calls: they are joined once the node ends. */
        void text(String text) {
            if (pendingText == null) {
                pendingText = new StringBuilder();
            }
            pendingText.append(text);
        }

        void endText() {
            if (pendingText != null) {
                children.add(pendingText.toString());
                pendingText = null;
            }
        }
    }

    /** Line and column positions of the locator turned into offsets, and back. */
    private record LineStarts(String text, List<Integer> starts) {
        LineStarts(String text) {
            this(text, startsOf(text));
        }

        private static List<Integer> startsOf(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            return starts;
        }

        int offset(int line, int column) {
            int index = Math.min(Math.max(line, 1), starts.size()) - 1;
            return Math.min(text.length(), starts.get(index) + Math.max(column - 1, 0));
        }

        int lineOf(int offset) {
            int found = Collections.binarySearch(starts, offset);
            return found >= 0 ? found + 1 : -found - 1;
        }
    }
}
