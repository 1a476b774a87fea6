package org.kaimen.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class HeaderCharactersTest {

    /** Spring Security's own patterns (StrictHttpFirewall 6.5), which these checks replace. */
    static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Property(tries = 3000)
    void acceptsExactlyWhatTheFirewallsPatternsAccept(@ForAll("headerish") String s) {
        assertThat(HeaderCharacters.nameAllowed(s)).as(s).isEqualTo(NAMES.matcher(s).matches());
        assertThat(HeaderCharacters.valueAllowed(s)).as(s).isEqualTo(VALUES.matcher(s).matches());
    }

    @Test
    void everyCodePointIsJudgedAsThePatternsJudgeIt() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = new String(Character.toChars(cp));
            boolean name = NAMES.matcher(s).matches();
            boolean value = VALUES.matcher(s).matches();
            if (HeaderCharacters.nameAllowed(s) != name || HeaderCharacters.valueAllowed(s) != value) {
                throw new AssertionError("U+" + Integer.toHexString(cp) + ": name " + name + ", value " + value);
            }
        }
    }

    @Test
    void realHeadersPassAndSmuggledLineBreaksDoNot() {
        assertThat(HeaderCharacters.valueAllowed("Bearer kmn_3fA9-x_ZQ")).isTrue();
        assertThat(HeaderCharacters.valueAllowed("zh-CN,zh;q=0.9,\ten;q=0.8")).isTrue();
        assertThat(HeaderCharacters.valueAllowed("attachment; filename*=UTF-8''意见.xlsx")).isTrue();
        assertThat(HeaderCharacters.valueAllowed("a\r\nSet-Cookie: x=1")).isFalse();
        assertThat(HeaderCharacters.valueAllowed("a\u0000b")).isFalse();
        assertThat(HeaderCharacters.nameAllowed("X-Tab\tName")).isFalse();
        assertThat(HeaderCharacters.valueAllowed("\u0378")).isFalse();
    }

    @Provide
    Arbitrary<String> headerish() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.chars().range(' ', '~'),
                Arbitraries.chars().range('\u0000', '\u001f'),
                Arbitraries.chars().range('\u007f', '\u00a0'),
                Arbitraries.chars().range('\u0370', '\u0380'),
                Arbitraries.chars().range('\u4e00', '\u4e10'),
                Arbitraries.chars().range('\ud800', '\udfff'),
                Arbitraries.chars().range('\ufff0', '\uffff'));
        return chars.list().ofMaxSize(12).map(list -> {
            StringBuilder b = new StringBuilder();
            list.forEach(b::append);
            return b.toString();
        });
    }
}
