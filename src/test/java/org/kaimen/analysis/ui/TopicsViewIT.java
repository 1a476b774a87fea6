package org.kaimen.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kaimen.testsupport.SignedIn.as;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.NovelComment;
import org.kaimen.analysis.TopicService;
import org.kaimen.analysis.evaluation.EvaluationSet;
import org.kaimen.analysis.evaluation.LabelledComment;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.testsupport.KaribuSupport;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

class TopicsViewIT extends KaribuSupport {

    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    TopicService topics;
    @Autowired
    TestAccounts accounts;

    @Test
    void aClerkRecomputesTopicsRenamesOneAndReadsTheNovelQueue() {
        String drafter = accounts.create(Role.DRAFTER);
        as(drafter, "ROLE_DRAFTER");
        long draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "主题界面测试", true).id();
        Map<String, Integer> taken = new HashMap<>();
        for (LabelledComment c : EvaluationSet.load()) {
            if (c.campaign() == null && List.of("电梯维修与更新", "停车位与车库", "物业管理委员会").contains(c.topic())
                    && taken.merge(c.topic(), 1, Integer::sum) <= 6) {
                submit(draftId, c.text());
            }
        }
        signIn(drafter, Role.DRAFTER);
        UI.getCurrent().navigate(TopicsView.class);
        TopicsView view = _get(TopicsView.class);
        @SuppressWarnings("unchecked")
        Select<DraftSummary> draft = _get(Select.class, spec -> spec.withId("topics-draft"));
        _setValue(draft, draft.getListDataView().getItems().filter(d -> d.id() == draftId).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("topics-recompute")));

        List<Div> cards = _find(Div.class).stream().filter(d -> d.getId().orElse("").startsWith("topic-")).toList();
        assertThat(cards).hasSizeGreaterThanOrEqualTo(2);
        Div first = cards.get(0);
        _click(_get(first, Button.class, spec -> spec.withText("重命名")));
        TextField name = _get(_get(Dialog.class), TextField.class, spec -> spec.withLabel("名称"));
        _setValue(name, "电梯安全");
        _click(_get(_get(Dialog.class), Button.class, spec -> spec.withText("保存")));
        assertThat(_find(H3.class)).extracting(H3::getText).contains("电梯安全");

        long offTopic = submit(draftId, "建议条例规定小区内禁止饲养烈性犬，遛狗必须拴绳并及时清理粪便。");
        as(drafter, "ROLE_DRAFTER");
        await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() ->
                topics.novel(draftId, false, 100).stream().map(NovelComment::commentId).toList().contains(offTopic));
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedIndex(1);
        view.showNovel();
        Div novel = _get(Div.class, spec -> spec.withId("novel-" + offTopic));
        _click(_get(novel, Button.class, spec -> spec.withText("标记为已读")));
        assertThat(_find(Div.class, spec -> spec.withId("novel-" + offTopic))).isEmpty();
    }

    private long submit(long draftId, String text) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        String citizen = accounts.create(Role.CITIZEN);
        as(citizen, "ROLE_CITIZEN");
        try {
            return comments.submit(new NewComment(draftId, null, Stance.MODIFY, text, null, null, null, null, null,
                    null, false, null, null, null, null, true)).id();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
