package org.kaimen.drafts.internal.versioning;

import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: a plausible second draft of the 滨州市住宅物业管理条例, derived from the real
 * text with every kind of change drafters make between 征求意见稿 and 修改稿.
 */
final class RevisedBinzhouDraft {

    static final String E_VOTING = "new:e-voting";
    static final String ACCOUNTS = "new:accounts";

    final List<ArticleText> before;
    final List<ArticleText> after;
    final DraftEditor editor;

    private RevisedBinzhouDraft(List<ArticleText> before, DraftEditor editor) {
        this.before = before;
        this.editor = editor;
        this.after = editor.build();
    }

    static RevisedBinzhouDraft create() {
        List<ArticleText> before = RegulationText.binzhou();
        DraftEditor editor = new DraftEditor(before, "v2-")
                // The Civil Code (民法典) renamed the party; every article mentioning it changes.
                .replaceEverywhere("物业服务企业", "物业服务人")
                .edit("bz-3", paragraphs -> List.of(paragraphs.get(0)
                        .replace("相结合的原则。", "相结合的原则，发挥基层党组织在物业管理中的引领作用。")))
                .insertAfter("bz-10", E_VOTING,
                        "业主大会会议可以采用电子投票方式进行表决。采用电子投票的，应当核实投票人身份，保证投票真实有效。")
                .insertAfter(E_VOTING, ACCOUNTS,
                        "业主委员会应当每年至少一次向全体业主公布共有资金的收支情况，接受业主监督。",
                        "业主对收支情况有异议的，可以要求业主委员会作出说明。")
                .delete("bz-7")
                .moveToEndOf("bz-53", "第一章 总则")
                .split("bz-22", 3)
                .merge("bz-33", "bz-34")
                .edit("bz-42", paragraphs -> {
                    List<String> edited = new ArrayList<>(paragraphs);
                    edited.set(8, "（九）其它可能造成人身安全事故的紧急情况。");
                    edited.add(8, "（八）化粪池堵塞、污水外溢；");
                    return edited;
                })
                .edit("bz-24", paragraphs -> paragraphs.subList(0, 2))
                .edit("bz-36", paragraphs -> {
                    List<String> edited = new ArrayList<>(paragraphs);
                    edited.set(13, "（十三）在楼道、楼梯间等共用部位停放电动自行车或者为电动自行车充电；");
                    return edited;
                })
                .edit("bz-59", paragraphs -> List.of("本条例自2020年1月1日起施行。"));
        return new RevisedBinzhouDraft(before, editor);
    }

    String newKey(String oldKey) {
        List<String> keys = editor.newKeysOf(oldKey);
        if (keys.size() != 1) {
            throw new IllegalStateException(oldKey + " has " + keys);
        }
        return keys.get(0);
    }

    ArticleText newArticle(String newKey) {
        return after.stream().filter(a -> a.key().equals(newKey)).findFirst().orElseThrow();
    }
}
