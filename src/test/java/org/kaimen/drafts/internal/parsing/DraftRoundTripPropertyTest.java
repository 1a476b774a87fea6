package org.kaimen.drafts.internal.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random well-formed drafts survive render → parse unchanged, and the parser survives any input.
 */
class DraftRoundTripPropertyTest {

    /** Characters that may start a line: none of them can begin a structural marker. */
    private static final String SAFE_FIRST =
            "业主物业服务企业管理委员会建设单位县级市区人民政府主管部门负责监督费用维修资金共用设施设备合同约定责任"
                    + "处罚款街道办事处社区居民应当按照依法享有权利履行义务组织召开会议决定事项公示报告";
    /** Characters that may appear after the first one, including punctuation and digits. */
    private static final String BODY = SAFE_FIRST + "的和或者及与其他不得以上下内、，；：“”《》（）()0123456789%第条款项目章节";

    private final DraftParser parser = new DraftParser();
    private final DraftTextRenderer renderer = new DraftTextRenderer();

    // --- generators -----------------------------------------------------------------------

    private static Arbitrary<String> sentence() {
        Arbitrary<Character> first = Arbitraries.of(chars(SAFE_FIRST));
        Arbitrary<String> rest = Arbitraries.of(chars(BODY)).list().ofMaxSize(40)
                .map(DraftRoundTripPropertyTest::join);
        Arbitrary<String> end = Arbitraries.of("。", "；", "：", "", "等。");
        return Combinators.combine(first, rest, end).as((f, r, e) -> f + r + e);
    }

    /** Short title without sentence punctuation, as headings have. */
    private static Arbitrary<String> headingTitle() {
        return Arbitraries.of(chars(SAFE_FIRST)).list().ofMinSize(1).ofMaxSize(10).map(DraftRoundTripPropertyTest::join);
    }

    private static List<Character> chars(String s) {
        List<Character> out = new ArrayList<>();
        for (char c : s.toCharArray()) {
            out.add(c);
        }
        return out;
    }

    private static String join(List<Character> chars) {
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }

    /** Shape of an article: per paragraph, per item, the number of sub-items. */
    private static Arbitrary<List<List<Integer>>> articleShape() {
        Arbitrary<List<Integer>> items = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(List.<Integer>of())),
                net.jqwik.api.Tuple.of(2, Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, Arbitraries.just(0)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 3))).list().ofMinSize(1).ofMaxSize(4)));
        return items.list().ofMinSize(1).ofMaxSize(4);
    }

    /** Recipe for a draft; turned into a tree by {@link Builder} so numbering is consistent. */
    private record Recipe(String title, List<String> preamble, boolean parts, boolean chapters,
                          List<List<List<List<List<Integer>>>>> groups, List<String> texts, boolean emptyLeadIns) {
    }

    @Provide
    Arbitrary<ParseResult> drafts() {
        Arbitrary<List<List<List<Integer>>>> articles = articleShape().list().ofMinSize(1).ofMaxSize(3);
        // groups → (sections or a single implicit group) → articles
        Arbitrary<List<List<List<List<Integer>>>>> chapter = articles.list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<List<List<List<List<Integer>>>>>> chapters = chapter.list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(
                sentence().map(s -> s.replaceAll("[。；：，、]", "")).filter(s -> !s.isEmpty()),
                sentence().list().ofMaxSize(2),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                chapters,
                sentence().list().ofMinSize(200).ofMaxSize(200),
                Arbitraries.of(true, false))
                .as(Recipe::new)
                .map(r -> new Builder(r).build());
    }

    /** Builds a tree from a recipe; headings, texts and numbers are assigned in order. */
    private static final class Builder {
        private final Recipe recipe;
        private int article;
        private int textIndex;

        Builder(Recipe recipe) {
            this.recipe = recipe;
        }

        ParseResult build() {
            List<ParsedProvision> roots = new ArrayList<>();
            List<List<List<List<List<Integer>>>>> groups = recipe.groups();
            if (!recipe.chapters()) {
                for (var group : groups) {
                    for (var sectionArticles : group) {
                        for (var shape : sectionArticles) {
                            roots.add(article(shape));
                        }
                    }
                }
            } else if (!recipe.parts()) {
                int c = 0;
                for (var group : groups) {
                    roots.add(chapter(++c, group));
                }
            } else {
                // Two parts, chapters split between them, chapter numbers restarting per part.
                int split = Math.max(1, groups.size() / 2);
                List<ParsedProvision> first = new ArrayList<>();
                List<ParsedProvision> second = new ArrayList<>();
                for (int i = 0; i < groups.size(); i++) {
                    (i < split ? first : second).add(chapter(i < split ? i + 1 : i - split + 1, groups.get(i)));
                }
                roots.add(new ParsedProvision(ProvisionKind.PART, 1, title("编"), "", 0, first));
                if (!second.isEmpty()) {
                    roots.add(new ParsedProvision(ProvisionKind.PART, 2, title("分编"), "", 0, second));
                }
            }
            return ParseResult.of(recipe.title(), recipe.preamble(), roots, List.of());
        }

        private ParsedProvision chapter(int number, List<List<List<List<Integer>>>> sections) {
            List<ParsedProvision> children = new ArrayList<>();
            if (sections.size() == 1) {
                for (var shape : sections.get(0)) {
                    children.add(article(shape));
                }
            } else {
                int s = 0;
                for (var sectionArticles : sections) {
                    List<ParsedProvision> arts = new ArrayList<>();
                    for (var shape : sectionArticles) {
                        arts.add(article(shape));
                    }
                    children.add(new ParsedProvision(ProvisionKind.SECTION, ++s, title("节"), "", 0, arts));
                }
            }
            return new ParsedProvision(ProvisionKind.CHAPTER, number, title("章"), "", 0, children);
        }

        private String title(String suffix) {
            String t = text().replaceAll("[^" + SAFE_FIRST + "]", "");
            return (t.isEmpty() ? "总" : t.substring(0, Math.min(8, t.length()))) + suffix.charAt(0);
        }

        private ParsedProvision article(List<List<Integer>> shape) {
            int number = ++article;
            List<ParsedProvision> paragraphs = new ArrayList<>();
            int p = 0;
            for (List<Integer> items : shape) {
                p++;
                List<ParsedProvision> itemNodes = new ArrayList<>();
                int i = 0;
                for (int subCount : items) {
                    List<ParsedProvision> subs = new ArrayList<>();
                    for (int s = 1; s <= subCount; s++) {
                        subs.add(new ParsedProvision(ProvisionKind.SUBITEM, s, null, text(), 0, List.of()));
                    }
                    itemNodes.add(new ParsedProvision(ProvisionKind.ITEM, ++i, null, text(), 0, subs));
                }
                // An article may consist of nothing but an item list.
                String own = p == 1 && !items.isEmpty() && recipe.emptyLeadIns() ? "" : text();
                paragraphs.add(new ParsedProvision(ProvisionKind.PARAGRAPH, p, null, own, 0, itemNodes));
            }
            return new ParsedProvision(ProvisionKind.ARTICLE, number, null, "", 0, paragraphs);
        }

        private String text() {
            List<String> texts = recipe.texts();
            return texts.get(textIndex++ % texts.size());
        }
    }

    // --- properties -----------------------------------------------------------------------

    @Property(tries = 200)
    void renderedDraftParsesBackToTheSameTree(@ForAll("drafts") ParseResult draft) {
        String text = renderer.render(draft);
        ParseResult parsed = parser.parse(text);

        assertThat(parsed.anomalies()).isEmpty();
        assertThat(parsed.withoutLines()).isEqualTo(draft);
        assertThat(parsed.counts()).isEqualTo(draft.counts());
    }

    @Property(tries = 100)
    void renderingIsAFixpointOfParsing(@ForAll("drafts") ParseResult draft) {
        String text = renderer.render(draft);

        assertThat(renderer.render(parser.parse(text))).isEqualTo(text);
    }

    @Property(tries = 100)
    void lineNumbersPointAtTheRenderedLineOfEachProvision(@ForAll("drafts") ParseResult draft) {
        String text = renderer.render(draft);
        String[] lines = text.split("\n", -1);

        for (CitationLabels.Citation c : CitationLabels.citations(parser.parse(text).roots())) {
            ParsedProvision p = c.provision();
            String line = lines[p.line() - 1];
            switch (p.kind()) {
                case PART, CHAPTER, SECTION -> assertThat(line).endsWith(p.heading());
                case ARTICLE -> assertThat(line).startsWith("第" + ChineseNumerals.format(p.number()) + "条");
                default -> assertThat(line).endsWith(p.text());
            }
        }
    }

    @Property(tries = 100)
    void markdownAndWordStyleLayoutsOfTheSameDraftParseToTheSameTree(@ForAll("drafts") ParseResult draft) {
        String canonical = renderer.render(draft);
        // Typical variations of uploaded texts: CRLF, indentation, blank lines, markdown headings.
        StringBuilder variant = new StringBuilder("<!-- 来源 -->\r\n");
        for (String line : canonical.split("\n")) {
            boolean heading = line.matches("^第[一二三四五六七八九十百]+[编章节] .*");
            variant.append(heading ? "## " + line.replaceFirst(" ", "\u3000\u3000") : "\u3000\u3000" + line)
                    .append("\r\n\r\n");
        }

        assertThat(parser.parse(variant.toString()).withoutLines()).isEqualTo(draft);
    }

    // --- robustness -----------------------------------------------------------------------

    @Provide
    Arbitrary<String> hostileTexts() {
        Arbitrary<String> fragments = Arbitraries.of(
                "第", "一", "十", "百", "千", "万", "零", "〇", "两", "十十", "条", "章", "节", "编", "款", "项", "目",
                "之一", "（", "）", "(", ")", "（一）", "(二)", "1.", "１．", "2、", "12", "目录", "目 录", "#", "## ",
                "**", "<!--", "-->", "\n", "\n", "\n", "\r\n", "\r", "\u3000", " ", "\t", "\u00A0", "\u200B",
                "\uFEFF", "\u2028", "😀", "\uD83D", "\uDE00", "。", "，", "《", "》", "本条例", "前款", "总则",
                "业主", "物业管理", "第一章 总则\n", "第一条　", "第二条 ", "第十条之一", "第一百零四条", "\n第一编\n");
        Arbitrary<String> structured = fragments.list().ofMaxSize(300).map(l -> String.join("", l));
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(400);
        Arbitrary<String> longLines = Combinators.combine(fragments, Arbitraries.integers().between(1000, 20_000))
                .as((f, n) -> f.repeat(Math.max(1, n / Math.max(1, f.length()))));
        return Arbitraries.oneOf(structured, structured, anything, longLines);
    }

    @Property(tries = 300)
    void parseNeverThrowsAndKeepsItsInvariants(@ForAll("hostileTexts") String text) {
        ParseResult result = parser.parse(text);

        int lineCount = DraftParser.splitLines(text).size();
        assertThat(result.anomalies()).noneMatch(a -> a.type() == AnomalyType.PARSER_FAILURE);
        assertThat(result.anomalies()).allSatisfy(a -> assertThat(a.line()).isBetween(0, lineCount));
        assertThat(result.counts()).isEqualTo(Counts.of(result.roots()));
        assertThat(result.isDraft()).isEqualTo(result.counts().articles() > 0);
        for (ParsedProvision article : result.articles()) {
            assertThat(article.children()).isNotEmpty();
            for (int i = 0; i < article.children().size(); i++) {
                assertThat(article.children().get(i).kind()).isEqualTo(ProvisionKind.PARAGRAPH);
                assertThat(article.children().get(i).number()).isEqualTo(i + 1);
            }
        }
        for (CitationLabels.Citation c : CitationLabels.citations(result.roots())) {
            assertThat(c.provision().line()).isBetween(1, lineCount);
        }
        // Whatever was parsed can be rendered and searched for references.
        renderer.render(result);
        CrossReferences.findAll(result);
    }

    @Property(tries = 200)
    void parseNeverThrowsOnArbitraryUnicode(@ForAll String text) {
        assertThat(parser.parse(text).anomalies()).noneMatch(a -> a.type() == AnomalyType.PARSER_FAILURE);
    }

    @Property(tries = 200)
    void crossReferenceOffsetsAlwaysDelimitTheirText(@ForAll("hostileTexts") String text) {
        for (CrossReference r : CrossReferences.find(text, 5, 2)) {
            assertThat(text.substring(r.start(), r.end())).isEqualTo(r.text());
        }
    }
}
