package org.kaimen.drafts.internal.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.kaimen.drafts.internal.versioning.DiffAssertions.after;
import static org.kaimen.drafts.internal.versioning.DiffAssertions.before;
import static org.kaimen.drafts.internal.versioning.DiffOp.delete;
import static org.kaimen.drafts.internal.versioning.DiffOp.equal;
import static org.kaimen.drafts.internal.versioning.DiffOp.insert;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CharDiffTest {

    private final CharDiff charDiff = new CharDiff();

    @Test
    void replacedTermReadsAsOneReplacement() {
        assertThat(charDiff.diff("物业服务企业应当履行物业服务合同。", "物业服务人应当履行物业服务合同。"))
                .containsExactly(equal("物业服务"), delete("企业"), insert("人"), equal("应当履行物业服务合同。"));
    }

    @Test
    void insertedClauseCarriesItsOwnComma() {
        assertThat(charDiff.diff("业主应当遵守管理规约。", "业主应当遵守管理规约，按时交纳物业服务费用。"))
                .containsExactly(equal("业主应当遵守管理规约"), insert("，按时交纳物业服务费用"), equal("。"));
    }

    @Test
    void insertedListEntrySnapsToTheEnumerationComma() {
        // Raw Myers output is 业主、物业<ins>服务人、物业</ins>使用人 – correct but unreadable.
        assertThat(charDiff.diff("维护业主、物业使用人的合法权益", "维护业主、物业服务人、物业使用人的合法权益"))
                .containsExactly(equal("维护业主、"), insert("物业服务人、"), equal("物业使用人的合法权益"));
    }

    @Test
    void sharedFunctionCharactersDoNotFragmentARewrite() {
        String before = "甲方的权利和义务";
        String after = "乙方的责任和担当";
        assertThat(charDiff.rawDiff(before, after)).contains(equal("和"));

        assertThat(charDiff.diff(before, after))
                .containsExactly(delete("甲"), insert("乙"), equal("方的"), delete("权利和义务"), insert("责任和担当"));
    }

    @Test
    void rewrittenSentenceHasNoSingleCharacterIslands() {
        String before = "县（市、区）人民政府应当推动建立住宅物业服务第三方评估制度，支持业主委员会委托第三方评估机构进行物业服务质量评估。";
        String after = "市人民政府可以组织开展物业服务质量的第三方评价工作，鼓励业主大会聘请专业机构对服务质量进行评价。";
        List<DiffOp> raw = charDiff.rawDiff(before, after);
        List<DiffOp> ops = charDiff.diff(before, after);

        assertThat(ops.size()).isLessThan(raw.size() / 2);
        for (int i = 1; i + 1 < ops.size(); i++) {
            if (ops.get(i).kind() == DiffOp.Kind.EQUAL) {
                assertThat(ops.get(i).text().codePointCount(0, ops.get(i).text().length()))
                        .as("equality %s between two edits", ops.get(i).text())
                        .isGreaterThan(1);
            }
        }
        assertThat(before(ops)).isEqualTo(before);
        assertThat(after(ops)).isEqualTo(after);
    }

    @Test
    void changedNumbersAreShownWhole() {
        assertThat(charDiff.diff("本条例自2019年10月1日起施行。", "本条例自2020年1月1日起施行。"))
                .containsExactly(equal("本条例自"), delete("2019"), insert("2020"), equal("年"),
                        delete("10"), insert("1"), equal("月1日起施行。"));
        assertThat(charDiff.diff("处二万元以上十万元以下罚款，逾期30日", "处二万元以上十万元以下罚款，逾期300日"))
                .containsExactly(equal("处二万元以上十万元以下罚款，逾期"), delete("30"), insert("300"), equal("日"));
    }

    @Test
    void emojiAreNeverCutInHalf() {
        // 👍 and 👎 share their high surrogate; a UTF-16 diff would keep it as an "equal" half.
        assertThat(charDiff.diff("👍物业", "👎物业")).containsExactly(delete("👍"), insert("👎"), equal("物业"));
    }

    @Test
    void supplementaryIdeographsCountAsOneCharacter() {
        // U+20000 and U+20001 are CJK Extension B; they also share a high surrogate.
        List<DiffOp> ops = charDiff.diff("业主\uD840\uDC00名册", "业主\uD840\uDC01名册");
        assertThat(ops).containsExactly(equal("业主"), delete("\uD840\uDC00"), insert("\uD840\uDC01"), equal("名册"));
        assertThat(charDiff.similarity("业主\uD840\uDC00名册", "业主\uD840\uDC01名册")).isCloseTo(1 - 1 / 5.0, within(1e-9));
    }

    @Test
    void emptyAndIdenticalTextsNeedNoEdits() {
        assertThat(charDiff.diff("", "")).isEmpty();
        assertThat(charDiff.diff("", "第一条")).containsExactly(insert("第一条"));
        assertThat(charDiff.diff("第一条", "")).containsExactly(delete("第一条"));
        assertThat(charDiff.diff("本条例自公布之日起施行。", "本条例自公布之日起施行。")).containsExactly(equal("本条例自公布之日起施行。"));
    }

    @Test
    void similarityCountsAReplacementOnce() {
        assertThat(charDiff.similarity("物业服务企业", "物业服务人")).isCloseTo(1 - 2 / 6.0, within(1e-9));
        assertThat(charDiff.similarity("本条例", "本条例")).isEqualTo(1.0);
        assertThat(charDiff.similarity("", "")).isEqualTo(1.0);
        assertThat(charDiff.similarity("", "本条例")).isEqualTo(0.0);
        assertThat(charDiff.similarity("业主大会", "施行日期")).isEqualTo(0.0);
    }

    @Test
    void htmlEscapesInsertedMarkup() {
        List<DiffOp> ops = charDiff.diff("业主大会的决定", "业主大会<script>alert('x&y')</script>的决定");
        assertThat(CharDiff.toHtml(ops))
                .isEqualTo("业主大会<ins>&lt;script&gt;alert(&#39;x&amp;y&#39;)&lt;/script&gt;</ins>的决定");
    }

    @Test
    void htmlNeverEmitsTagsOtherThanDelAndIns() {
        String before = "业主<b onclick=\"x()\">大会</b>的决定";
        String after = "业主<script>alert('x&y')</script>的决定";
        String html = CharDiff.toHtml(charDiff.diff(before, after));

        assertThat(html).contains("<del>", "<ins>").doesNotContain("\"", "'");
        assertThat(html.replaceAll("</?(del|ins)>", "")).doesNotContain("<", ">");
        assertThat(unescape(html.replaceAll("<ins>.*?</ins>", "").replaceAll("</?del>", ""))).isEqualTo(before);
        assertThat(unescape(html.replaceAll("<del>.*?</del>", "").replaceAll("</?ins>", ""))).isEqualTo(after);
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    @Test
    void htmlOfAReplacement() {
        assertThat(CharDiff.toHtml(charDiff.diff("物业服务企业", "物业服务人")))
                .isEqualTo("物业服务<del>企业</del><ins>人</ins>");
    }

    @Test
    void twoLongArticlesDiffInAFewMilliseconds() {
        String before = longArticle(2_000);
        String after = before.replace("物业服务企业", "物业服务人")
                .replace("业主委员会", "业主大会和业主委员会")
                .replace("应当", "须");
        after = after.substring(0, 700) + "县级以上人民政府应当加强对物业管理活动的监督检查。" + after.substring(760);

        for (int warmup = 0; warmup < 20; warmup++) {
            charDiff.diff(before, after);
        }
        long best = Long.MAX_VALUE;
        List<DiffOp> ops = null;
        for (int run = 0; run < 10; run++) {
            long start = System.nanoTime();
            ops = charDiff.diff(before, after);
            best = Math.min(best, System.nanoTime() - start);
        }
        assertThat(before(ops)).isEqualTo(before);
        assertThat(after(ops)).isEqualTo(after);
        assertThat(best / 1_000_000.0).as("milliseconds for a 2,000-character article").isLessThan(20.0);
    }

    @Test
    void unrelatedLongArticlesStayFastToo() {
        String before = longArticle(2_000);
        String after = new StringBuilder(before).reverse().toString();
        for (int warmup = 0; warmup < 5; warmup++) {
            charDiff.diff(before, after);
        }
        long start = System.nanoTime();
        List<DiffOp> ops = charDiff.diff(before, after);
        long elapsed = System.nanoTime() - start;
        assertThat(before(ops)).isEqualTo(before);
        assertThat(after(ops)).isEqualTo(after);
        assertThat(elapsed / 1_000_000.0).isLessThan(100.0);
    }

    @Test
    void pathologicalInputsAreBoundedAndStillCorrect() {
        Random random = new Random(42);
        String a = randomCjk(random, 60_000);
        String b = randomCjk(random, 60_000);
        String repeated = "的".repeat(50_000);
        String otherRepeated = "和".repeat(30_000) + "的".repeat(20_000);

        long start = System.nanoTime();
        List<DiffOp> unrelated = charDiff.diff(a, b);
        List<DiffOp> repetitive = charDiff.diff(repeated, otherRepeated);
        long elapsed = System.nanoTime() - start;

        assertThat(before(unrelated)).isEqualTo(a);
        assertThat(after(unrelated)).isEqualTo(b);
        assertThat(before(repetitive)).isEqualTo(repeated);
        assertThat(after(repetitive)).isEqualTo(otherRepeated);
        assertThat(elapsed / 1_000_000.0).isLessThan(3_000.0);
    }

    @Test
    void clauseFallbackKeepsSmallEditsSmall() {
        String before = longArticle(2_000);
        String after = before.replace("物业服务企业", "物业服务人");
        CharDiff starved = new CharDiff(4_000);
        assertThat(starved.rawDiff(before, after)).as("fallback taken").isNotEqualTo(charDiff.rawDiff(before, after));

        List<DiffOp> ops = starved.diff(before, after);

        assertThat(before(ops)).isEqualTo(before);
        assertThat(after(ops)).isEqualTo(after);
        assertThat(ops).filteredOn(op -> op.kind() == DiffOp.Kind.DELETE).extracting(DiffOp::text).containsOnly("企业");
        assertThat(ops).filteredOn(op -> op.kind() == DiffOp.Kind.INSERT).extracting(DiffOp::text).containsOnly("人");
    }

    /** Real statutory prose, so the diff sees realistic repetition of 物业/业主/应当. */
    static String longArticle(int length) {
        String all = RegulationText.binzhou().stream()
                .map(ArticleText::text)
                .collect(Collectors.joining("\n"));
        int start = all.indexOf("物业服务企业");
        return all.substring(start, start + length);
    }

    private static String randomCjk(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (0x4E00 + random.nextInt(400)));
        }
        return out.toString();
    }
}
