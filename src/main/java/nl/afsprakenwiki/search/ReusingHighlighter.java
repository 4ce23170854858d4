package nl.afsprakenwiki.search;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lucene's unified highlighter, reading the offsets of a page's hits from the postings with one
 * postings enumeration per term and segment instead of one per term and hit. Lucene looks every term
 * up in the terms dictionary again for each hit and opens a fresh enumeration (several kilobytes of
 * buffers) even where the hit lacks the term; it highlights a page's hits in document order, so one
 * enumeration can walk forward through them. Same offsets, so the same passages.
 */
class ReusingHighlighter extends UnifiedHighlighter {

    ReusingHighlighter(Builder builder) {
        super(builder);
    }

    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource offsetSource, UHComponents components) {
        return offsetSource == OffsetSource.POSTINGS ? new Reused(components)
                : super.getOffsetStrategy(offsetSource, components);
    }

    /** One field's offsets; lives for one call of the highlighter. */
    private static final class Reused extends PostingsOffsetStrategy {
        private LeafReader segment;
        /** Per term, its enumeration in {@link #segment}, or null when the segment lacks the term. */
        private final Map<BytesRef, PostingsEnum> enumerations = new HashMap<>();

        Reused(UHComponents components) {
            super(components);
        }

        @Override
        public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
            if (reader != segment) {
                enumerations.clear();
                segment = reader;
            }
            return super.getOffsetsEnum(reader, docId, content);
        }

        @Override
        protected void createOffsetsEnumsForTerms(BytesRef[] sourceTerms, Terms termsIndex, int doc,
                                                  List<OffsetsEnum> results) throws IOException {
            TermsEnum terms = null;
            for (BytesRef term : sourceTerms) {
                PostingsEnum postings = enumerations.get(term);
                if (postings == null && enumerations.containsKey(term)) {
                    continue; // not in this segment
                }
                if (postings == null || postings.docID() > doc) {
                    // first use in this segment, or (never in document order) a hit before the last one
                    terms = terms == null ? termsIndex.iterator() : terms;
                    postings = null;
                    if (terms.seekExact(term)) {
                        postings = terms.postings(null, PostingsEnum.OFFSETS);
                        if (postings == null) {
                            throw new IllegalArgumentException("field '" + getField() + "' has no offsets to highlight");
                        }
                    }
                    enumerations.put(term, postings);
                    if (postings == null) {
                        continue;
                    }
                }
                int at = postings.docID() < doc ? postings.advance(doc) : postings.docID();
                if (at == doc) {
                    results.add(new OffsetsEnum.OfPostings(term, postings));
                }
            }
        }
    }
}
