package org.kaimen.comments.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NameMaskerPropertiesTest {

    private final NameMasker masker = new NameMasker();

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void aChineseNameShowsOnlyItsSurnameFollowedByOneStarPerCharacter(@ForAll("chineseNames") String name) {
        String masked = masker.mask(name);
        String surname = name.length() > 2 && NameMasker.COMPOUND_SURNAMES.contains(name.substring(0, 2))
                ? name.substring(0, 2) : name.substring(0, 1);
        assertThat(masked).isEqualTo(surname + "*".repeat(name.length() - surname.length()));
        assertThat(masker.mask(masked)).isEqualTo(masked);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void maskingNeverThrowsAndIsIdempotent(@ForAll String name) {
        String once = masker.mask(name);
        assertThat(masker.mask(once)).isEqualTo(once);
    }

    @Provide
    Arbitrary<String> chineseNames() {
        Arbitrary<String> surname = Arbitraries.oneOf(
                Arbitraries.of("张", "王", "李", "赵", "刘", "陈", "欧", "司", "上"),
                Arbitraries.of(NameMasker.COMPOUND_SURNAMES.toArray(new String[0])));
        Arbitrary<String> given = Arbitraries.strings().withChars("伟明华丽娜强军静敏杰涛阳马官".toCharArray())
                .ofMinLength(1).ofMaxLength(3);
        return Combinators.combine(surname, given).as(String::concat);
    }
}
