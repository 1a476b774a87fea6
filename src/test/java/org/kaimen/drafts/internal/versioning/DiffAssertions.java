package org.kaimen.drafts.internal.versioning;

import java.util.List;

/** Test-only: rebuilds the two sides of a diff. */
final class DiffAssertions {

    private DiffAssertions() {
    }

    static String before(List<DiffOp> ops) {
        StringBuilder text = new StringBuilder();
        for (DiffOp op : ops) {
            if (op.kind() != DiffOp.Kind.INSERT) {
                text.append(op.text());
            }
        }
        return text.toString();
    }

    static String after(List<DiffOp> ops) {
        StringBuilder text = new StringBuilder();
        for (DiffOp op : ops) {
            if (op.kind() != DiffOp.Kind.DELETE) {
                text.append(op.text());
            }
        }
        return text.toString();
    }

    static boolean splitsASurrogatePair(List<DiffOp> ops) {
        for (DiffOp op : ops) {
            String text = op.text();
            if (!text.isEmpty() && (Character.isLowSurrogate(text.charAt(0))
                    || Character.isHighSurrogate(text.charAt(text.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    static boolean isCanonical(List<DiffOp> ops) {
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).text().isEmpty() || (i > 0 && ops.get(i - 1).kind() == ops.get(i).kind())) {
                return false;
            }
        }
        return true;
    }
}
