package org.kaimen.analysis.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.stereotype.Component;

/**
 * Chinese word segmentation (Lucene smartcn, the same Lucene as the Elasticsearch server) done in the application,
 * because the server has no Chinese analysis plugin: the index stores the words separated by spaces in a field
 * analysed with {@code whitespace}, next to the per-character and bigram fields.
 */
@Component
public class ChineseSegmenter {

    // No stop words: 不 and 没有 decide whether a citizen supports or opposes.
    private final Analyzer analyzer = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);

    public List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Words separated by spaces, lower-cased, for the whitespace-analysed field. */
    public String segmented(String text) {
        return String.join(" ", words(text)).toLowerCase(java.util.Locale.ROOT);
    }
}
