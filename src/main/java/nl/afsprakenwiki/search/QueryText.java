package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.analysis.DutchAnalysis;
import nl.afsprakenwiki.search.analysis.DutchAnalysis.Token;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what people type into a query: plain words (all must occur, in title, themes, parties,
 * place or text), "exact phrases", -excluded words, OR between alternatives, and word* for a
 * prefix. Whatever the input - unbalanced quotes, lone operators, 2,000 characters - the answer is a
 * query or a clear notice, never an exception.
 */
final class QueryText {

    /** Longer queries are cut here (at a word boundary): no agreement is found by 300 characters at once. */
    static final int MAX_CHARS = 300;
    /** The title weighs most, then themes (with parties and place), then the body. */
    static final Map<String, Float> WEIGHTS = Map.of(Fields.TITLE, 4f, Fields.CONTEXT, 2f, Fields.BODY, 1f);
    private static final int FLAGS = SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.WHITESPACE_OPERATOR
            | SimpleQueryParser.NEAR_OPERATOR;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}]");
    private static final Pattern OR = Pattern.compile("(?<=\\s|^)(OR|OF)(?=\\s|$)");
    private static final Pattern AND = Pattern.compile("(?<=\\s|^)(AND|EN)(?=\\s|$)");
    private static final Pattern NOT = Pattern.compile("(?<=\\s|^)(NOT|NIET)\\s+");
    /** A prefix needs two characters before the star; a lone or leading star means nothing. */
    private static final Pattern OPERATOR = Pattern.compile("[|*()~\"]");
    private static final Pattern LOOSE_STAR = Pattern.compile("(?<![\\p{L}\\p{N}]{2})\\*+");

    /** The query, or null when nothing searchable is left; {@code text} is what was searched for. */
    record Parsed(Query query, String text, String notice) {
    }

    /** How many completions of a prefix are searched for. */
    private static final int MAX_PREFIX_TERMS = 64;
    /** Longest synonym phrase looked for, in words. */
    private static final int MAX_PHRASE = 6;

    private final Analyzer analyzer;
    private final Analyzer words;
    private final Set<String> synonymPhrases;

    QueryText(Analyzer analyzer, Analyzer words, Set<String> synonymPhrases) {
        this.analyzer = analyzer;
        this.words = words;
        this.synonymPhrases = synonymPhrases;
    }

    Parsed parse(String raw) {
        String text = CONTROL.matcher(raw == null ? "" : raw).replaceAll(" ").strip();
        String notice = null;
        if (text.length() > MAX_CHARS) {
            int cut = text.lastIndexOf(' ', MAX_CHARS);
            text = text.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS).strip();
            notice = "search.notice.truncated";
        }
        if (text.isEmpty()) {
            return new Parsed(new MatchAllDocsQuery(), "", notice);
        }
        String prepared = prepare(text);
        if (prepared.isBlank()) {
            return new Parsed(new MatchAllDocsQuery(), "", notice);
        }
        Query query;
        try {
            query = parser().parse(prepared);
        } catch (RuntimeException e) {
            // The parser is lenient by design; should it still trip, search the words alone.
            query = parser().parse(prepared.replaceAll("[\"()|*~\\-]", " "));
        }
        if (query == null || query instanceof MatchNoDocsQuery) {
            return new Parsed(null, text, "search.notice.onlyCommonWords");
        }
        return new Parsed(withPositiveClause(query), text, notice);
    }

    private SimpleQueryParser parser() {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, WEIGHTS, FLAGS) {
            @Override
            protected Query newPrefixQuery(String text) {
                // Prefixes are not analysed by Lucene; fold them like the index does so "Jeugdz*" matches.
                // "jeugd*" has thousands of completions: the most frequent ones are enough, and far cheaper.
                String prefix = normalise(text);
                BooleanQuery.Builder fields = new BooleanQuery.Builder();
                for (Map.Entry<String, Float> field : WEIGHTS.entrySet()) {
                    Query query = new PrefixQuery(new Term(field.getKey(), prefix),
                            new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_PREFIX_TERMS));
                    fields.add(new BoostQuery(query, field.getValue()), Occur.SHOULD);
                }
                return fields.build();
            }
        };
        parser.setDefaultOperator(Occur.MUST);
        return parser;
    }

    /** Operators as people write them, balanced quotes and brackets, no empty prefixes. */
    String prepare(String text) {
        StringBuilder out = new StringBuilder();
        String[] parts = text.split("\"", -1);
        int quotes = parts.length - 1;
        for (int i = 0; i < parts.length; i++) {
            boolean inside = i % 2 == 1;
            String part = parts[i];
            if (!inside) {
                part = OR.matcher(part).replaceAll("|");
                part = AND.matcher(part).replaceAll(" ");
                part = NOT.matcher(part).replaceAll("-");
                part = LOOSE_STAR.matcher(part).replaceAll(" ");
                part = keepSynonymPhrasesTogether(part);
            }
            out.append(part);
            boolean closingLoneQuote = quotes % 2 == 1 && i == parts.length - 2;
            if (i < parts.length - 1 && !closingLoneQuote) {
                out.append('"');
            } else if (closingLoneQuote) {
                out.append(' ');
            }
        }
        String result = out.toString();
        if (count(result, '(') != count(result, ')')) {
            result = result.replace('(', ' ').replace(')', ' ');
        }
        return result;
    }

    /**
     * The parser analyses unquoted words one at a time, so "lokaal team" would never meet its synonym
     * "wijkteam". Runs of words that form a multi-word synonym are therefore quoted: as a phrase they
     * are analysed together, and the phrase also matches every synonym of it.
     */
    private String keepSynonymPhrasesTogether(String part) {
        List<Token> tokens = DutchAnalysis.tokens(words, Fields.SPELL, part);
        List<String> terms = tokens.stream().map(Token::term).toList();
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int i = 0;
        while (i < terms.size()) {
            int length = 0;
            for (int n = Math.min(MAX_PHRASE, terms.size() - i); n >= 2 && length == 0; n--) {
                if (synonymPhrases.contains(String.join(" ", terms.subList(i, i + n)))) {
                    int start = tokens.get(i).start();
                    int end = tokens.get(i + n - 1).end();
                    if (start >= copied && !OPERATOR.matcher(part.substring(start, end)).find()) {
                        out.append(part, copied, start).append('"').append(part, start, end).append('"');
                        copied = end;
                        length = n;
                    }
                }
            }
            i += Math.max(length, 1);
        }
        return out.append(part.substring(copied)).toString();
    }

    private String normalise(String text) {
        List<Token> tokens = DutchAnalysis.tokens(words, Fields.SPELL, text);
        return tokens.isEmpty() ? text.toLowerCase(Locale.ROOT) : tokens.get(0).term();
    }

    /**
     * The query with one of its required words allowed to be missing ("afspraken with most of these
     * words"), or null when it has fewer than two required parts. Tried when all words together
     * find nothing: a searcher often adds a word the agreement happens not to use.
     */
    static Query relaxed(Query query) {
        if (!(query instanceof BooleanQuery bool)) {
            return null;
        }
        long required = bool.clauses().stream().filter(clause -> clause.getOccur() == Occur.MUST).count();
        if (required < 2) {
            return null;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (BooleanClause clause : bool.clauses()) {
            builder.add(clause.getQuery(), clause.getOccur() == Occur.MUST ? Occur.SHOULD : clause.getOccur());
        }
        return builder.setMinimumNumberShouldMatch((int) required - 1).build();
    }

    /** Only exclusions ("-jeugd") would match nothing; they mean "everything except". */
    private static Query withPositiveClause(Query query) {
        if (query instanceof BooleanQuery bool && !bool.clauses().isEmpty()
                && bool.clauses().stream().allMatch(clause -> clause.getOccur() == Occur.MUST_NOT)) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
            for (BooleanClause clause : bool.clauses()) {
                builder.add(clause);
            }
            return builder.build();
        }
        return query;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }
}
