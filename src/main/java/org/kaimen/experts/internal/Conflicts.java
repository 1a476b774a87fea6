package org.kaimen.experts.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.kaimen.experts.Expert;
import org.kaimen.experts.Interest;

/**
 * Avoidance of direct interest (重大行政决策程序暂行条例第20条: 不得选择与决策事项有直接利害关系的专家): an expert
 * whose organisation or a declared interest names the drafting department or a declared stakeholder is never
 * drawn. Names match when one contains the other after removing spaces and punctuation, so "市住建局" matches
 * "滨州市住建局" — over-matching only keeps a neutral expert out of one draw, under-matching would let a conflict in.
 */
public final class Conflicts {

    private Conflicts() {
    }

    /** The organisation that makes the expert conflicted, if any. */
    public static Optional<String> find(Expert expert, Collection<String> parties) {
        for (String party : parties) {
            String p = normalise(party);
            if (p.length() < 2) {
                continue;
            }
            if (matches(normalise(expert.organisation()), p)) {
                return Optional.of(party);
            }
            for (Interest i : expert.interests()) {
                if (matches(normalise(i.organisation()), p)) {
                    return Optional.of(party);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String a, String b) {
        return a.length() >= 2 && (a.contains(b) || b.contains(a));
    }

    static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}（）《》、，。·]", "");
    }
}
