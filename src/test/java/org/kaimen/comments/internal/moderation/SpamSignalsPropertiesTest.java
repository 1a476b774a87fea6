package org.kaimen.comments.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.kaimen.comments.internal.moderation.SpamSignals.Assessment;
import org.kaimen.comments.internal.moderation.SpamSignals.Signal;

class SpamSignalsPropertiesTest {

    private final SpamSignals spam = new SpamSignals();

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void assessingNeverThrows(@ForAll @StringLength(max = 400) String text, @ForAll @StringLength(max = 100) String proposal) {
        Assessment assessment = spam.assess(text, proposal);
        assertThat(assessment.score()).isEqualTo(assessment.signals().stream().mapToInt(Signal::weight).sum());
    }
}
