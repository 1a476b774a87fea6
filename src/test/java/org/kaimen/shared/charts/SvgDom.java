package org.kaimen.shared.charts;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** Parses chart output with the JDK's namespace-aware parser: the proof of well-formedness. */
final class SvgDom {

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";

    /** Attributes whose value must be a plain decimal number (no NaN, no exponent). */
    private static final List<String> NUMERIC = List.of(
            "x", "y", "x1", "x2", "y1", "y2", "width", "height", "rx", "stroke-width");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern FONT_SIZE = Pattern.compile("\\d+(\\.\\d+)?px");

    private SvgDom() {
    }

    static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            Document doc = b.parse(new InputSource(new StringReader(svg)));
            Element root = doc.getDocumentElement();
            if (!SVG_NS.equals(root.getNamespaceURI()) || !"svg".equals(root.getLocalName())) {
                throw new AssertionError("root is not an SVG element: " + root.getNodeName());
            }
            checkAttributes(root);
            return doc;
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    /** SVG elements with the given local name, optionally restricted to a class. */
    static List<Element> elements(Document doc, String localName, String cssClass) {
        NodeList nodes = doc.getElementsByTagNameNS(SVG_NS, localName);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cssClass == null || cssClass.equals(e.getAttribute("class"))) {
                result.add(e);
            }
        }
        return result;
    }

    static List<String> texts(Document doc, String localName, String cssClass) {
        return elements(doc, localName, cssClass).stream().map(Element::getTextContent).toList();
    }

    /** The {@code <title>} child of an element (tooltip), or null. */
    static String tooltip(Element e) {
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element c && "title".equals(c.getLocalName())) {
                return c.getTextContent();
            }
        }
        return null;
    }

    static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    private static void checkAttributes(Element e) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (NUMERIC.contains(a.getName()) && !"svg".equals(e.getLocalName())
                    && !PLAIN_NUMBER.matcher(a.getValue()).matches()) {
                throw new AssertionError("attribute " + a.getName() + "=\"" + a.getValue() + "\" on <"
                        + e.getLocalName() + "> is not a plain number");
            }
            if ((a.getName().equals("width") || a.getName().equals("height")) && a.getValue().startsWith("-")) {
                throw new AssertionError("negative " + a.getName() + " on <" + e.getLocalName() + ">");
            }
            if (a.getName().equals("font-size") && !FONT_SIZE.matcher(a.getValue()).matches()) {
                throw new AssertionError("font-size is not in px: " + a.getValue());
            }
        }
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element c) {
                checkAttributes(c);
            }
        }
    }
}
