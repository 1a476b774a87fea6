package org.kaimen.shared.charts;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Minimal streaming writer. Every attribute value and text node goes through {@link Xml}, so
 * callers cannot forget to escape; there is deliberately no way to append raw markup except
 * another builder's output.
 */
final class SvgBuilder {

    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<String> open = new ArrayDeque<>();
    private boolean startTagPending;

    SvgBuilder open(String name) {
        finishStartTag();
        out.append('<').append(name);
        open.push(name);
        startTagPending = true;
        return this;
    }

    SvgBuilder attr(String name, String value) {
        if (!startTagPending) {
            throw new IllegalStateException("attribute outside a start tag: " + name);
        }
        out.append(' ').append(name).append("=\"");
        Xml.escapeAttribute(value, out);
        out.append('"');
        return this;
    }

    SvgBuilder attr(String name, double value) {
        return attr(name, Num.coord(value));
    }

    SvgBuilder text(String s) {
        finishStartTag();
        Xml.escapeText(s, out);
        return this;
    }

    SvgBuilder close() {
        String name = open.pop();
        if (startTagPending) {
            out.append("/>");
            startTagPending = false;
        } else {
            out.append("</").append(name).append('>');
        }
        // Only element boundaries get newlines; text elements never contain child elements here,
        // so this never adds whitespace inside rendered text.
        out.append('\n');
        return this;
    }

    /** Convenience for a leaf element with text content. */
    SvgBuilder textElement(String name, String text) {
        return open(name).text(text).close();
    }

    SvgBuilder append(SvgBuilder fragment) {
        finishStartTag();
        out.append(fragment.toXml());
        return this;
    }

    String toXml() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private void finishStartTag() {
        if (startTagPending) {
            out.append('>');
            startTagPending = false;
        }
    }
}
