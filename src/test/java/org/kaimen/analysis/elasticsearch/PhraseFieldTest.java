package org.kaimen.analysis.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which queries can run their exact phrase on bigrams: those with two characters or more besides punctuation. */
class PhraseFieldTest {

    @Test
    void spacesAndPunctuationDoNotCountAsCharacters() {
        assertThat(CommentIndex.characters("物业费")).isEqualTo(3);
        assertThat(CommentIndex.characters("电")).isEqualTo(1);
        assertThat(CommentIndex.characters(" 电，")).isEqualTo(1);
        assertThat(CommentIndex.characters("wi-fi")).isEqualTo(4);
        assertThat(CommentIndex.characters("5G基站")).isEqualTo(4);
        assertThat(CommentIndex.characters("𠀀")).isEqualTo(1);
    }
}
