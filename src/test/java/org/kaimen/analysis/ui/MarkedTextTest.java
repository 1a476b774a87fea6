package org.kaimen.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkedTextTest {

    @Test
    void additionsAreMarkedAndEverythingElseIsEscaped() {
        String text = "王阿姨：<b>物业费</b>不能涨";
        assertThat(CommentSearchView.marked(text, List.of(new int[] {0, 4})))
                .isEqualTo("<mark>王阿姨：</mark>&lt;b&gt;物业费&lt;/b&gt;不能涨");
    }

    @Test
    void spansOutsideTheTextAreIgnored() {
        assertThat(CommentSearchView.marked("短", List.of(new int[] {0, 9}))).isEqualTo("短");
    }
}
