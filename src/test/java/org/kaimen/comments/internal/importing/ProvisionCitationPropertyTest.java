package org.kaimen.comments.internal.importing;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ProvisionCitationPropertyTest {

    @Label("a citation written as legal texts write it reads back as itself")
    @Property(tries = 300)
    void a_written_citation_reads_back_as_itself(
            @ForAll @IntRange(min = 1, max = 999) int article,
            @ForAll @IntRange(min = 0, max = 999) int paragraph,
            @ForAll @IntRange(min = 0, max = 999) int item) {
        ProvisionCitation citation = new ProvisionCitation(article, paragraph, item);

        assertThat(ProvisionCitation.parse(citation.toChinese())).contains(citation);
    }
}
