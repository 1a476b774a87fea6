package org.kaimen.feedback.internal.export;

/**
 * Text for a spreadsheet cell (.xlsx or .csv) that a spreadsheet program will not run as a formula (CSV / formula
 * injection, CWE-1236). Following OWASP: a value whose first character is {@code = + - @}, a tab, a carriage return
 * or a line feed gets a single quote ({@code '}) in front, so that {@code =HYPERLINK("http://x")} is shown as the
 * text {@code '=HYPERLINK("http://x")}. Leading spaces do not hide a formula either ({@code " =1+1"} is quoted too).
 * Control characters that XML 1.0 cannot carry (NUL and the like, except tab, line feed and carriage return) are
 * dropped first, so a NUL cannot hide a formula nor break the .xlsx.
 *
 * <p>Callers still write the value as a string cell (.xlsx) or a quoted field where needed (.csv); this class only
 * decides the text.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    /** @return the text to write, null stays null */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        String clean = dropControlCharacters(value);
        return startsFormula(clean) ? "'" + clean : clean;
    }

    /** Whether a spreadsheet could read this value as a formula (or a DDE command). */
    public static boolean startsFormula(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (isTrigger(first) || first == '\t' || first == '\r' || first == '\n') {
            return true;
        }
        int i = 0;
        while (i < value.length() && value.charAt(i) == ' ') {
            i++;
        }
        return i > 0 && i < value.length() && isTrigger(value.charAt(i));
    }

    private static boolean isTrigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@';
    }

    private static String dropControlCharacters(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean drop = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
            if (drop && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            } else if (!drop && out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }
}
