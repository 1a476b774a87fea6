package org.kaimen.drafts.internal.versioning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.kaimen.drafts.internal.versioning.VersionMapping.ArticleMapping;
import org.kaimen.drafts.internal.versioning.VersionMapping.InsertedParagraph;
import org.kaimen.drafts.internal.versioning.VersionMapping.ParagraphLink;
import org.kaimen.drafts.internal.versioning.VersionMapping.Status;

/**
 * Maps the articles and paragraphs of version n-1 of a draft onto version n, by content only:
 * numbers change whenever an article is inserted, and keys of the new version are not trusted to
 * say anything about identity.
 *
 * <p>Stages, each only looking at what the previous ones left unmatched:
 * <ol>
 *   <li>articles whose normalised text occurs exactly once on each side are anchors;</li>
 *   <li>best-first assignment on character-bigram Jaccard similarity above
 *       {@value #MATCH_THRESHOLD}, ties broken towards the position the anchors predict;</li>
 *   <li>inside each gap between consecutive in-order matches, a lower threshold
 *       ({@value #GAP_THRESHOLD}): an article rewritten in place is still the same provision;</li>
 *   <li>split detection: unmatched new articles largely contained in one old article become its
 *       parts when they cover text the old article's match does not;</li>
 *   <li>merge detection, symmetrically;</li>
 *   <li>per matched group, a monotone alignment of paragraphs and items.</li>
 * </ol>
 *
 * <p>Stateless and thread-safe.
 */
public final class ProvisionMatcher {

    static final double MATCH_THRESHOLD = 0.5;
    static final double GAP_THRESHOLD = 0.3;
    /** Gaps larger than this hold too many candidates for a low threshold to be safe. */
    static final int MAX_GAP_SIZE = 4;
    /** Share of a fragment's bigrams that must come from the article it was split from. */
    static final double FRAGMENT_CONTAINMENT = 0.6;
    /** Very short articles (施行日期 etc.) are contained in almost anything; never fragments. */
    static final int MIN_FRAGMENT_SHINGLES = 6;
    /** A split part / merge source must contribute this much text nobody else accounts for. */
    static final int MIN_ADDED_SHINGLES = 4;
    static final double MIN_ADDED_SHARE = 0.1;

    /** Bigram Dice for paragraphs in the monotone alignment; items are short, hence Dice. */
    static final double PARAGRAPH_THRESHOLD = 0.3;
    /** Character similarity for pairing leftovers that sit in the same place, rewritten. */
    static final double PARAGRAPH_GAP_SIMILARITY = 0.35;
    /** Out-of-order paragraphs need a clearly better resemblance than in-order ones. */
    static final double PARAGRAPH_LOOSE = 0.5;
    /** An old paragraph this much contained in a new one was merged into it. */
    static final double PARAGRAPH_CONTAINED = 0.7;

    private final CharDiff charDiff;

    public ProvisionMatcher() {
        this(new CharDiff());
    }

    public ProvisionMatcher(CharDiff charDiff) {
        this.charDiff = Objects.requireNonNull(charDiff, "charDiff");
    }

    public VersionMapping match(List<ArticleText> oldVersion, List<ArticleText> newVersion) {
        requireUniqueKeys(oldVersion, "old");
        requireUniqueKeys(newVersion, "new");
        return new Run(oldVersion, newVersion).execute();
    }

    private static void requireUniqueKeys(List<ArticleText> version, String which) {
        Objects.requireNonNull(version, which + "Version");
        Set<String> seen = new HashSet<>();
        for (ArticleText article : version) {
            Objects.requireNonNull(article, which + " article");
            if (!seen.add(article.key())) {
                throw new IllegalArgumentException("duplicate key in " + which + " version: " + article.key());
            }
        }
    }

    /** Article plus the features every stage needs, computed once. */
    private static final class Prepared {
        final ArticleText article;
        final String identity;
        final long[] shingles;
        final String chapter;

        Prepared(ArticleText article) {
            this.article = article;
            this.identity = TextFeatures.identity(article.paragraphs());
            this.shingles = TextFeatures.shingles(TextFeatures.content(article.paragraphs()));
            this.chapter = TextFeatures.chapterKey(article.chapterTitle());
        }
    }

    private record Candidate(int oldIndex, int newIndex, double score, double displacement) {
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparingDouble((Candidate c) -> -c.score())
            .thenComparingDouble(Candidate::displacement)
            .thenComparingInt(Candidate::oldIndex)
            .thenComparingInt(Candidate::newIndex);

    /** In-order matches (a longest increasing subsequence), the frame for positional reasoning. */
    private record Backbone(int[] oldIndex, int[] newIndex) {
    }

    private final class Run {
        private final List<ArticleText> oldList;
        private final List<ArticleText> newList;
        private final Prepared[] olds;
        private final Prepared[] news;
        private final int[] oldToNew;
        private final int[] newToOld;
        private final Status[] status;
        private final int[][] targets;
        private final boolean[] newIsSplitPart;

        Run(List<ArticleText> oldList, List<ArticleText> newList) {
            this.oldList = oldList;
            this.newList = newList;
            this.olds = oldList.stream().map(Prepared::new).toArray(Prepared[]::new);
            this.news = newList.stream().map(Prepared::new).toArray(Prepared[]::new);
            this.oldToNew = new int[olds.length];
            this.newToOld = new int[news.length];
            Arrays.fill(oldToNew, -1);
            Arrays.fill(newToOld, -1);
            this.status = new Status[olds.length];
            this.targets = new int[olds.length][];
            this.newIsSplitPart = new boolean[news.length];
        }

        VersionMapping execute() {
            anchorIdenticalTexts();
            assign(candidates(allUnmatchedOld(), allUnmatchedNew(), MATCH_THRESHOLD, backbone()));
            assignWithinGaps();
            detectSplits();
            detectMerges();
            for (int i = 0; i < olds.length; i++) {
                if (status[i] == null) {
                    if (oldToNew[i] >= 0) {
                        status[i] = Status.MATCHED;
                        targets[i] = new int[] {oldToNew[i]};
                    } else {
                        status[i] = Status.DELETED;
                        targets[i] = new int[0];
                    }
                }
            }
            return build();
        }

        // ---- stage 1: anchors ------------------------------------------------------------

        private void anchorIdenticalTexts() {
            Map<String, List<Integer>> oldByText = indexByIdentity(olds);
            Map<String, List<Integer>> newByText = indexByIdentity(news);
            for (Map.Entry<String, List<Integer>> entry : oldByText.entrySet()) {
                List<Integer> sameNew = newByText.get(entry.getKey());
                // Duplicated texts are ambiguous; stage 2 resolves them by position.
                if (entry.getValue().size() == 1 && sameNew != null && sameNew.size() == 1) {
                    link(entry.getValue().get(0), sameNew.get(0));
                }
            }
        }

        private Map<String, List<Integer>> indexByIdentity(Prepared[] articles) {
            Map<String, List<Integer>> index = new LinkedHashMap<>();
            for (int i = 0; i < articles.length; i++) {
                index.computeIfAbsent(articles[i].identity, k -> new ArrayList<>()).add(i);
            }
            return index;
        }

        // ---- stages 2 and 3: similarity ---------------------------------------------------

        private List<Integer> allUnmatchedOld() {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < olds.length; i++) {
                if (oldToNew[i] < 0) {
                    out.add(i);
                }
            }
            return out;
        }

        private List<Integer> allUnmatchedNew() {
            List<Integer> out = new ArrayList<>();
            for (int j = 0; j < news.length; j++) {
                if (newToOld[j] < 0) {
                    out.add(j);
                }
            }
            return out;
        }

        private List<Candidate> candidates(List<Integer> oldIndices, List<Integer> newIndices, double threshold,
                                           Backbone backbone) {
            List<Candidate> out = new ArrayList<>();
            if (oldIndices.isEmpty() || newIndices.isEmpty()) {
                return out;
            }
            for (int i : oldIndices) {
                double expected = expectedNewPosition(backbone, i);
                int oldSize = olds[i].shingles.length;
                for (int j : newIndices) {
                    int newSize = news[j].shingles.length;
                    // Jaccard can't exceed min/max of the set sizes; skip hopeless pairs cheaply.
                    if (Math.min(oldSize, newSize) < threshold * Math.max(oldSize, newSize)) {
                        continue;
                    }
                    double score = TextFeatures.jaccard(olds[i].shingles, news[j].shingles);
                    if (score >= threshold) {
                        out.add(new Candidate(i, j, score, Math.abs(j - expected)));
                    }
                }
            }
            return out;
        }

        private void assign(List<Candidate> candidates) {
            candidates.sort(BEST_FIRST);
            for (Candidate candidate : candidates) {
                if (oldToNew[candidate.oldIndex()] < 0 && newToOld[candidate.newIndex()] < 0) {
                    link(candidate.oldIndex(), candidate.newIndex());
                }
            }
        }

        private void assignWithinGaps() {
            Backbone backbone = backbone();
            int size = backbone.oldIndex().length;
            for (int g = 0; g <= size; g++) {
                int oldFrom = g == 0 ? -1 : backbone.oldIndex()[g - 1];
                int newFrom = g == 0 ? -1 : backbone.newIndex()[g - 1];
                int oldTo = g == size ? olds.length : backbone.oldIndex()[g];
                int newTo = g == size ? news.length : backbone.newIndex()[g];
                List<Integer> gapOld = new ArrayList<>();
                for (int i = oldFrom + 1; i < oldTo; i++) {
                    if (oldToNew[i] < 0) {
                        gapOld.add(i);
                    }
                }
                List<Integer> gapNew = new ArrayList<>();
                for (int j = newFrom + 1; j < newTo; j++) {
                    if (newToOld[j] < 0) {
                        gapNew.add(j);
                    }
                }
                if (!gapOld.isEmpty() && !gapNew.isEmpty() && gapOld.size() <= MAX_GAP_SIZE && gapNew.size() <= MAX_GAP_SIZE) {
                    // Gaps are disjoint on both sides, so one backbone serves all of them.
                    assign(candidates(gapOld, gapNew, GAP_THRESHOLD, backbone));
                }
            }
        }

        private void link(int oldIndex, int newIndex) {
            oldToNew[oldIndex] = newIndex;
            newToOld[newIndex] = oldIndex;
        }

        private Backbone backbone() {
            List<Integer> matchedOld = new ArrayList<>();
            for (int i = 0; i < olds.length; i++) {
                if (oldToNew[i] >= 0) {
                    matchedOld.add(i);
                }
            }
            int[] values = new int[matchedOld.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = oldToNew[matchedOld.get(k)];
            }
            boolean[] inOrder = longestIncreasing(values, false);
            List<int[]> pairs = new ArrayList<>();
            for (int k = 0; k < values.length; k++) {
                if (inOrder[k]) {
                    pairs.add(new int[] {matchedOld.get(k), values[k]});
                }
            }
            int[] oldIndex = new int[pairs.size()];
            int[] newIndex = new int[pairs.size()];
            for (int k = 0; k < pairs.size(); k++) {
                oldIndex[k] = pairs.get(k)[0];
                newIndex[k] = pairs.get(k)[1];
            }
            return new Backbone(oldIndex, newIndex);
        }

        /** Where old article i would land if it kept its place between the surrounding anchors. */
        private double expectedNewPosition(Backbone backbone, int i) {
            int[] bo = backbone.oldIndex();
            int[] bn = backbone.newIndex();
            int k = Arrays.binarySearch(bo, i);
            if (k >= 0) {
                return bn[k];
            }
            int insertion = -k - 1;
            int oldFrom = insertion == 0 ? -1 : bo[insertion - 1];
            int newFrom = insertion == 0 ? -1 : bn[insertion - 1];
            int oldTo = insertion == bo.length ? olds.length : bo[insertion];
            int newTo = insertion == bo.length ? news.length : bn[insertion];
            return newFrom + (i - oldFrom) * (double) (newTo - newFrom) / (oldTo - oldFrom);
        }

        // ---- stages 4 and 5: splits and merges ---------------------------------------------

        private void detectSplits() {
            Map<Integer, List<Integer>> fragments = new HashMap<>();
            for (int j = 0; j < news.length; j++) {
                if (newToOld[j] >= 0 || news[j].shingles.length < MIN_FRAGMENT_SHINGLES) {
                    continue;
                }
                int source = mostContaining(news[j].shingles, olds, null);
                if (source >= 0) {
                    fragments.computeIfAbsent(source, k -> new ArrayList<>()).add(j);
                }
            }
            for (int i = 0; i < olds.length; i++) {
                List<Integer> pool = fragments.get(i);
                if (pool == null) {
                    continue;
                }
                List<Integer> parts = new ArrayList<>();
                if (oldToNew[i] >= 0) {
                    parts.add(oldToNew[i]);
                }
                List<Integer> chosen = coverGreedily(olds[i].shingles, news, parts, pool);
                if (chosen.size() >= 2) {
                    int[] sorted = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
                    status[i] = Status.SPLIT;
                    targets[i] = sorted;
                    for (int part : sorted) {
                        newIsSplitPart[part] = true;
                    }
                } else if (chosen.size() == 1 && oldToNew[i] < 0) {
                    // The old article shrank to one piece: same provision, heavily trimmed.
                    link(i, chosen.get(0));
                }
            }
        }

        private void detectMerges() {
            Map<Integer, List<Integer>> contributions = new HashMap<>();
            for (int i = 0; i < olds.length; i++) {
                if (status[i] != null || oldToNew[i] >= 0 || olds[i].shingles.length < MIN_FRAGMENT_SHINGLES) {
                    continue;
                }
                int target = mostContaining(olds[i].shingles, news, newIsSplitPart);
                if (target >= 0) {
                    contributions.computeIfAbsent(target, k -> new ArrayList<>()).add(i);
                }
            }
            for (int j = 0; j < news.length; j++) {
                List<Integer> pool = contributions.get(j);
                if (pool == null) {
                    continue;
                }
                List<Integer> sources = new ArrayList<>();
                if (newToOld[j] >= 0) {
                    sources.add(newToOld[j]);
                }
                List<Integer> chosen = coverGreedily(news[j].shingles, olds, sources, pool);
                if (chosen.size() >= 2) {
                    for (int source : chosen) {
                        status[source] = Status.MERGED;
                        targets[source] = new int[] {j};
                    }
                } else if (chosen.size() == 1 && newToOld[j] < 0) {
                    link(chosen.get(0), j);
                }
            }
        }

        /** The article (not excluded) that contains the largest share of {@code part}, if enough. */
        private int mostContaining(long[] part, Prepared[] wholes, boolean[] excluded) {
            int best = -1;
            double bestContainment = 0;
            double bestJaccard = 0;
            for (int k = 0; k < wholes.length; k++) {
                if ((excluded != null && excluded[k]) || wholes[k].shingles.length < FRAGMENT_CONTAINMENT * part.length) {
                    continue;
                }
                double containment = TextFeatures.containment(part, wholes[k].shingles);
                if (containment < FRAGMENT_CONTAINMENT || containment < bestContainment) {
                    continue;
                }
                double jaccard = TextFeatures.jaccard(part, wholes[k].shingles);
                if (containment > bestContainment || jaccard > bestJaccard) {
                    best = k;
                    bestContainment = containment;
                    bestJaccard = jaccard;
                }
            }
            return best;
        }

        /**
         * Greedy set cover of {@code whole} by the already chosen pieces plus pieces from
         * {@code pool}; a piece only joins if it explains text the others don't, which keeps an
         * unrelated article that merely shares boilerplate from posing as a split part.
         */
        private List<Integer> coverGreedily(long[] whole, Prepared[] pieces, List<Integer> chosen, List<Integer> pool) {
            List<Integer> result = new ArrayList<>(chosen);
            long[] covered = new long[0];
            for (int piece : chosen) {
                covered = TextFeatures.union(covered, TextFeatures.intersect(whole, pieces[piece].shingles));
            }
            int minAdded = Math.max(MIN_ADDED_SHINGLES, (int) Math.ceil(MIN_ADDED_SHARE * whole.length));
            List<Integer> remaining = new ArrayList<>(pool);
            while (!remaining.isEmpty()) {
                int bestPiece = -1;
                int bestAdded = 0;
                long[] bestShare = null;
                for (int piece : remaining) {
                    long[] share = TextFeatures.intersect(whole, pieces[piece].shingles);
                    int added = share.length - TextFeatures.intersection(share, covered);
                    if (added > bestAdded) {
                        bestPiece = piece;
                        bestAdded = added;
                        bestShare = share;
                    }
                }
                if (bestPiece < 0 || bestAdded < minAdded) {
                    break;
                }
                result.add(bestPiece);
                covered = TextFeatures.union(covered, bestShare);
                remaining.remove(Integer.valueOf(bestPiece));
            }
            return result;
        }

        // ---- result -----------------------------------------------------------------------

        private VersionMapping build() {
            int[] primary = new int[olds.length];
            List<Integer> mapped = new ArrayList<>();
            for (int i = 0; i < olds.length; i++) {
                primary[i] = targets[i].length == 0 ? -1 : targets[i][0];
                if (primary[i] >= 0) {
                    mapped.add(i);
                }
            }
            int[] order = mapped.stream().mapToInt(i -> primary[i]).toArray();
            // Non-decreasing: the sources of a merge share a target and are all in order.
            boolean[] onBackbone = longestIncreasing(order, true);
            boolean[] inOrder = new boolean[olds.length];
            for (int k = 0; k < order.length; k++) {
                inOrder[mapped.get(k)] = onBackbone[k];
            }
            Map<String, String> chapters = chapterSuccessors(primary);

            double[] similarity = new double[olds.length];
            List<List<ParagraphLink>> paragraphLinks = new ArrayList<>();
            for (int i = 0; i < olds.length; i++) {
                paragraphLinks.add(null);
            }
            Set<Long> linkedNewParagraphs = new HashSet<>();
            Set<Integer> mergeTargetsDone = new HashSet<>();
            for (int i = 0; i < olds.length; i++) {
                switch (status[i]) {
                    case MATCHED, SPLIT -> alignGroup(List.of(i), targets[i], similarity, paragraphLinks, linkedNewParagraphs);
                    case MERGED -> {
                        int target = targets[i][0];
                        if (mergeTargetsDone.add(target)) {
                            List<Integer> sources = new ArrayList<>();
                            for (int k = 0; k < olds.length; k++) {
                                if (status[k] == Status.MERGED && targets[k][0] == target) {
                                    sources.add(k);
                                }
                            }
                            alignGroup(sources, targets[i], similarity, paragraphLinks, linkedNewParagraphs);
                        }
                    }
                    case DELETED -> {
                        List<ParagraphLink> deleted = new ArrayList<>();
                        for (int p = 0; p < olds[i].article.paragraphs().size(); p++) {
                            deleted.add(ParagraphLink.deleted(p));
                        }
                        paragraphLinks.set(i, deleted);
                    }
                }
            }

            List<ArticleMapping> articles = new ArrayList<>();
            boolean[] newHasOrigin = new boolean[news.length];
            for (int i = 0; i < olds.length; i++) {
                ArticleText old = olds[i].article;
                List<String> newKeys = new ArrayList<>();
                for (int t : targets[i]) {
                    newKeys.add(news[t].article.key());
                    newHasOrigin[t] = true;
                }
                boolean renumbered = false;
                boolean chapterChanged = false;
                boolean moved = false;
                if (primary[i] >= 0) {
                    renumbered = news[primary[i]].article.number() != old.number();
                    chapterChanged = !news[primary[i]].chapter.equals(chapters.get(olds[i].chapter));
                    moved = chapterChanged || !inOrder[i];
                }
                articles.add(new ArticleMapping(old.key(), old.number(), status[i], newKeys, similarity[i],
                        renumbered, moved, chapterChanged, paragraphLinks.get(i)));
            }
            List<String> inserted = new ArrayList<>();
            List<InsertedParagraph> insertedParagraphs = new ArrayList<>();
            for (int j = 0; j < news.length; j++) {
                ArticleText article = news[j].article;
                if (!newHasOrigin[j]) {
                    inserted.add(article.key());
                    continue;
                }
                for (int q = 0; q < article.paragraphs().size(); q++) {
                    if (!linkedNewParagraphs.contains(paragraphId(j, q))) {
                        insertedParagraphs.add(new InsertedParagraph(article.key(), q));
                    }
                }
            }
            return new VersionMapping(oldList, newList, articles, inserted, insertedParagraphs);
        }

        /**
         * Old chapter → the new chapter that continues it: same title without its number if there
         * is one, else wherever most of its articles went. A chapter renumbered because another
         * was inserted before it therefore does not make all its articles "moved".
         */
        private Map<String, String> chapterSuccessors(int[] primary) {
            Set<String> newChapters = new HashSet<>();
            for (Prepared article : news) {
                newChapters.add(article.chapter);
            }
            Map<String, Map<String, Integer>> votes = new LinkedHashMap<>();
            for (int i = 0; i < olds.length; i++) {
                Map<String, Integer> tally = votes.computeIfAbsent(olds[i].chapter, k -> new LinkedHashMap<>());
                if (primary[i] >= 0) {
                    tally.merge(news[primary[i]].chapter, 1, Integer::sum);
                }
            }
            Map<String, String> successors = new HashMap<>();
            for (Map.Entry<String, Map<String, Integer>> entry : votes.entrySet()) {
                String oldChapter = entry.getKey();
                if (newChapters.contains(oldChapter)) {
                    successors.put(oldChapter, oldChapter);
                    continue;
                }
                String best = null;
                int bestVotes = 0;
                for (Map.Entry<String, Integer> vote : entry.getValue().entrySet()) {
                    if (vote.getValue() > bestVotes) {
                        best = vote.getKey();
                        bestVotes = vote.getValue();
                    }
                }
                successors.put(oldChapter, best);
            }
            return successors;
        }

        // ---- stage 6: paragraphs --------------------------------------------------------------

        private record Para(int article, int index, String raw, String content, long[] shingles) {
        }

        private List<Para> paragraphsOf(List<Integer> articleIndices, Prepared[] side) {
            List<Para> out = new ArrayList<>();
            for (int a : articleIndices) {
                List<String> paragraphs = side[a].article.paragraphs();
                for (int p = 0; p < paragraphs.size(); p++) {
                    String content = TextFeatures.content(paragraphs.get(p));
                    out.add(new Para(a, p, paragraphs.get(p), content, TextFeatures.shingles(content)));
                }
            }
            return out;
        }

        private void alignGroup(List<Integer> sources, int[] groupTargets, double[] similarity,
                                List<List<ParagraphLink>> paragraphLinks, Set<Long> linkedNewParagraphs) {
            List<Integer> targetList = Arrays.stream(groupTargets).boxed().toList();
            String oldText = String.join("\n", sources.stream().map(i -> olds[i].article.text()).toList());
            String newText = String.join("\n", targetList.stream().map(j -> news[j].article.text()).toList());
            double groupSimilarity = charDiff.similarity(oldText, newText);

            List<Para> oldParas = paragraphsOf(sources, olds);
            List<Para> newParas = paragraphsOf(targetList, news);
            int[] link = alignParagraphs(oldParas, newParas);

            Map<Integer, List<ParagraphLink>> perSource = new HashMap<>();
            for (int p = 0; p < oldParas.size(); p++) {
                Para old = oldParas.get(p);
                ParagraphLink result;
                if (link[p] < 0) {
                    result = ParagraphLink.deleted(old.index());
                } else {
                    Para target = newParas.get(link[p]);
                    linkedNewParagraphs.add(paragraphId(target.article(), target.index()));
                    result = new ParagraphLink(old.index(), news[target.article()].article.key(), target.index(),
                            charDiff.similarity(old.raw(), target.raw()));
                }
                perSource.computeIfAbsent(old.article(), k -> new ArrayList<>()).add(result);
            }
            for (int source : sources) {
                similarity[source] = groupSimilarity;
                paragraphLinks.set(source, perSource.getOrDefault(source, List.of()));
            }
        }

        /** Index into {@code news} for every old paragraph, or -1 where it was deleted. */
        private int[] alignParagraphs(List<Para> oldParas, List<Para> newParas) {
            int n = oldParas.size();
            int m = newParas.size();
            int[] link = new int[n];
            Arrays.fill(link, -1);
            if (n == 0 || m == 0) {
                return link;
            }
            if (n == 1 && m == 1) {
                // The articles already matched; a one-paragraph article is its paragraph.
                link[0] = 0;
                return link;
            }
            double[][] sim = new double[n][m];
            for (int p = 0; p < n; p++) {
                for (int q = 0; q < m; q++) {
                    sim[p][q] = paragraphSimilarity(oldParas.get(p), newParas.get(q));
                }
            }
            // Paragraphs hardly ever swap places inside an article, so a monotone alignment that
            // maximises total similarity beats independent best matches for repeated items.
            double[][] best = new double[n + 1][m + 1];
            for (int p = 1; p <= n; p++) {
                for (int q = 1; q <= m; q++) {
                    double value = Math.max(best[p - 1][q], best[p][q - 1]);
                    double s = sim[p - 1][q - 1];
                    if (s >= PARAGRAPH_THRESHOLD) {
                        value = Math.max(value, best[p - 1][q - 1] + s);
                    }
                    best[p][q] = value;
                }
            }
            boolean[] used = new boolean[m];
            for (int p = n, q = m; p > 0 && q > 0; ) {
                double s = sim[p - 1][q - 1];
                if (s >= PARAGRAPH_THRESHOLD && best[p][q] == best[p - 1][q - 1] + s) {
                    link[p - 1] = q - 1;
                    used[q - 1] = true;
                    p--;
                    q--;
                } else if (best[p][q] == best[p - 1][q]) {
                    p--;
                } else {
                    q--;
                }
            }
            pairRewrittenInPlace(oldParas, newParas, link, used);
            attachLeftovers(oldParas, newParas, sim, link, used);
            return link;
        }

        /**
         * Between two aligned paragraphs, k unaligned old and k unaligned new paragraphs are most
         * likely the same provisions reworded, if they still resemble each other at all.
         */
        private void pairRewrittenInPlace(List<Para> oldParas, List<Para> newParas, int[] link, boolean[] used) {
            int prevOld = -1;
            int prevNew = -1;
            for (int p = 0; p <= link.length; p++) {
                if (p < link.length && link[p] < 0) {
                    continue;
                }
                int nextNew = p < link.length ? link[p] : newParas.size();
                int oldCount = p - prevOld - 1;
                int newCount = nextNew - prevNew - 1;
                if (oldCount > 0 && oldCount == newCount && oldCount <= MAX_GAP_SIZE) {
                    for (int k = 0; k < oldCount; k++) {
                        Para old = oldParas.get(prevOld + 1 + k);
                        Para candidate = newParas.get(prevNew + 1 + k);
                        if (charDiff.similarity(old.content(), candidate.content()) >= PARAGRAPH_GAP_SIMILARITY) {
                            link[prevOld + 1 + k] = prevNew + 1 + k;
                            used[prevNew + 1 + k] = true;
                        }
                    }
                }
                if (p < link.length) {
                    prevOld = p;
                    prevNew = link[p];
                }
            }
        }

        /** Moved paragraphs (out of order) and paragraphs merged into a neighbour. */
        private void attachLeftovers(List<Para> oldParas, List<Para> newParas, double[][] sim, int[] link, boolean[] used) {
            for (int p = 0; p < link.length; p++) {
                if (link[p] >= 0) {
                    continue;
                }
                int best = -1;
                double bestScore = PARAGRAPH_LOOSE;
                for (int q = 0; q < newParas.size(); q++) {
                    if (!used[q] && sim[p][q] >= bestScore) {
                        best = q;
                        bestScore = sim[p][q];
                    }
                }
                if (best < 0 && oldParas.get(p).shingles().length >= 3) {
                    double bestContainment = PARAGRAPH_CONTAINED;
                    for (int q = 0; q < newParas.size(); q++) {
                        double containment = TextFeatures.containment(oldParas.get(p).shingles(), newParas.get(q).shingles());
                        if (containment >= bestContainment) {
                            best = q;
                            bestContainment = containment;
                        }
                    }
                }
                if (best >= 0) {
                    link[p] = best;
                    used[best] = true;
                }
            }
        }

        private double paragraphSimilarity(Para a, Para b) {
            if (a.content().isEmpty() || b.content().isEmpty()) {
                return a.raw().strip().equals(b.raw().strip()) ? 1.0 : 0.0;
            }
            if (a.content().equals(b.content())) {
                return 1.0;
            }
            return TextFeatures.dice(a.shingles(), b.shingles());
        }
    }

    private static long paragraphId(int article, int paragraph) {
        return ((long) article << 32) | paragraph;
    }

    /**
     * Marks a longest increasing (or non-decreasing) subsequence in O(n log n); everything not
     * marked is what changed place.
     */
    static boolean[] longestIncreasing(int[] values, boolean allowEqual) {
        int n = values.length;
        int[] tails = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int v = values[tails[mid]];
                if (allowEqual ? v <= values[i] : v < values[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            if (lo == length) {
                length++;
            }
        }
        boolean[] marked = new boolean[n];
        if (length > 0) {
            for (int k = tails[length - 1]; k >= 0; k = previous[k]) {
                marked[k] = true;
            }
        }
        return marked;
    }
}
