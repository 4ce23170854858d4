package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.ParsedQuery.Alternative;
import nl.afsprakenwiki.search.ParsedQuery.Concept;
import nl.afsprakenwiki.search.ParsedQuery.Form;
import nl.afsprakenwiki.search.analysis.DutchAnalysis;
import nl.afsprakenwiki.search.analysis.DutchAnalysis.Token;
import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads what people type into concepts: every word is one (the ranking prefers agreements with all
 * of them, but none is required), a run of words that names one thing ("lokaal team") is one,
 * "a quoted phrase" is one that must occur, +woord and woord EN woord ask for a required word,
 * -woord and NIET woord exclude, a OF b (also OR and |) are alternatives of one concept, and word*
 * finds words that start so. Whatever the input - unbalanced quotes, lone operators, 2,000
 * characters - the answer is a parsed query, never an exception.
 */
final class QueryText {

    /** Longer queries are cut here (at a word boundary): no agreement is found by 300 characters at once. */
    static final int MAX_CHARS = 300;
    /** More concepts than this are not searched for (and the searcher is told). */
    static final int MAX_CONCEPTS = 16;
    /** Longest synonym phrase looked for, in words. */
    private static final int MAX_PHRASE = 6;
    /** Most typed words taken together as one written compound. */
    private static final int MAX_JOINED = 3;
    /** Between the first two words of a compound: nothing, or a linking -s- or -en-. */
    private static final List<String> LINKING = List.of("", "s", "en");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");
    private static final Set<String> OR = Set.of("OR", "OF", "|");
    private static final Set<String> AND = Set.of("AND", "EN", "&&");
    private static final Set<String> NOT = Set.of("NOT", "NIET");

    private final Analyzer words;
    private final Set<String> synonymPhrases;

    /** One thing typed: a word or a quoted phrase, with its sign. */
    private record Item(String text, Form form, char sign) {
    }

    private enum Operator { NONE, OR, AND }

    QueryText(Analyzer words, Set<String> synonymPhrases) {
        this.words = words;
        this.synonymPhrases = synonymPhrases;
    }

    /** Reads a query in which no adjacent words are taken together as one written compound. */
    ParsedQuery parse(String raw) {
        return parse(raw, word -> false);
    }

    /**
     * Reads a query; {@code readable} tells whether a readable text contains a word, so that typed
     * words that the texts write as one ("crisis bedden", "onder toezicht stelling") are searched for
     * as that one word too.
     */
    ParsedQuery parse(String raw, Predicate<String> readable) {
        String text = CONTROL.matcher(raw == null ? "" : raw).replaceAll(" ").strip();
        String notice = null;
        if (text.length() > MAX_CHARS) {
            int cut = text.lastIndexOf(' ', MAX_CHARS);
            text = text.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS).strip();
            notice = "search.notice.truncated";
        }
        List<Item> items = new ArrayList<>();
        List<Operator> before = new ArrayList<>();
        lex(text, !text.equals(text.toUpperCase()) || text.chars().noneMatch(Character::isLetter), items, before);
        List<Concept> concepts = new ArrayList<>();
        List<Alternative> excluded = new ArrayList<>();
        List<Item> plain = new ArrayList<>();
        int i = 0;
        while (i < items.size()) {
            Item item = items.get(i);
            int end = i + 1;
            while (end < items.size() && before.get(end) == Operator.OR) {
                end++;
            }
            if (item.sign() == '-') {
                excluded.add(alternative(item));
            } else if (end - i > 1) {
                flush(plain, concepts, readable);
                List<Alternative> alternatives = new ArrayList<>();
                boolean required = false;
                for (Item member : items.subList(i, end)) {
                    if (member.sign() != '-' && searchable(member)) {
                        alternatives.add(alternative(member));
                        required |= member.sign() == '+';
                    }
                }
                if (!alternatives.isEmpty()) {
                    concepts.add(new Concept(label(items.subList(i, end)), alternatives, required));
                }
            } else {
                boolean required = item.sign() == '+' || item.form() == Form.PHRASE
                        || before.get(i) == Operator.AND || i + 1 < items.size() && before.get(i + 1) == Operator.AND;
                if (!required && item.form() == Form.WORDS) {
                    plain.add(item);
                } else {
                    flush(plain, concepts, readable);
                    if (searchable(item)) {
                        concepts.add(new Concept(item.text(), List.of(alternative(item)), required));
                    }
                }
            }
            i = end;
        }
        flush(plain, concepts, readable);
        if (concepts.size() > MAX_CONCEPTS) {
            concepts = List.copyOf(concepts.subList(0, MAX_CONCEPTS));
            notice = "search.notice.truncated";
        }
        if (concepts.isEmpty() && excluded.isEmpty() && !text.isEmpty() && notice == null) {
            notice = "search.notice.onlyCommonWords";
        }
        return new ParsedQuery(text, List.copyOf(concepts), List.copyOf(excluded), notice);
    }

    /** Splits into items and the operator before each (OF/OR/| and EN/AND only in upper case). */
    private static void lex(String text, boolean operators, List<Item> items, List<Operator> before) {
        Operator pending = Operator.NONE;
        boolean not = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ')') {
                i++;
                continue;
            }
            char sign = 0;
            if ((c == '-' || c == '+') && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
                sign = c;
                i++;
                c = text.charAt(i);
            }
            Item item;
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                item = new Item(text.substring(i + 1, end).strip(), Form.PHRASE, sign);
                i = close < 0 ? n : close + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end)) && "\"()".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                String word = text.substring(i, end);
                i = end;
                if (word.equals("|") || operators && sign == 0 && (OR.contains(word) || AND.contains(word))) {
                    pending = OR.contains(word) ? Operator.OR : Operator.AND;
                    continue;
                }
                if (operators && sign == 0 && NOT.contains(word)) {
                    not = true;
                    continue;
                }
                item = word(word.replace("|", " ").strip(), sign);
            }
            if (item == null || item.text().isBlank()) {
                continue;
            }
            if (not) {
                item = new Item(item.text(), item.form(), '-');
                not = false;
            }
            before.add(items.isEmpty() ? Operator.NONE : pending);
            items.add(item);
            pending = Operator.NONE;
        }
    }

    /** A word as typed: word* is a prefix when at least two letters precede the star; other stars go. */
    private static Item word(String word, char sign) {
        String stripped = word.replace("~", "");
        if (stripped.endsWith("*")) {
            String prefix = stripped.replaceAll("\\*+$", "");
            if (prefix.codePoints().filter(Character::isLetterOrDigit).count() >= 2 && prefix.indexOf('*') < 0) {
                return new Item(prefix, Form.PREFIX, sign);
            }
            stripped = prefix;
        }
        return new Item(stripped.startsWith("*") ? stripped.replaceAll("^\\*+", "") : stripped, Form.WORDS, sign);
    }

    /**
     * Plain words become one concept each, except runs of words that form a multi-word synonym
     * ("lokaal team": analysed together they meet their synonyms, wijkteam, and one by one they would
     * not) and runs that the texts write as one word ("crisis bedden" → crisisbedden, with a linking
     * -s- or -en- too: "overdracht gesprek" → overdrachtsgesprek).
     */
    private void flush(List<Item> plain, List<Concept> concepts, Predicate<String> readable) {
        if (plain.isEmpty()) {
            return;
        }
        List<List<String>> wordTerms = new ArrayList<>();
        for (Item item : plain) {
            wordTerms.add(DutchAnalysis.tokens(words, Fields.SPELL, item.text()).stream().map(Token::term).toList());
        }
        int i = 0;
        while (i < plain.size()) {
            int length = synonymRun(wordTerms, i);
            String joined = null;
            if (length == 1) {
                for (int n = Math.min(MAX_JOINED, plain.size() - i); n >= 2 && joined == null; n--) {
                    joined = joined(plain.subList(i, i + n), readable);
                    length = joined == null ? 1 : n;
                }
            }
            if (length > 1 || !wordTerms.get(i).isEmpty()) {
                List<Item> run = plain.subList(i, i + length);
                String text = String.join(" ", run.stream().map(Item::text).toList());
                List<Alternative> alternatives = joined == null ? List.of(new Alternative(text, Form.WORDS))
                        : List.of(new Alternative(joined, Form.WORDS), new Alternative(text, Form.WORDS));
                concepts.add(new Concept(text, alternatives, false));
            }
            i += length;
        }
        plain.clear();
    }

    /** How many words from {@code start} form a multi-word synonym; 1 when none do. */
    private int synonymRun(List<List<String>> wordTerms, int start) {
        for (int n = Math.min(MAX_PHRASE, wordTerms.size() - start); n >= 2; n--) {
            List<String> terms = new ArrayList<>();
            wordTerms.subList(start, start + n).forEach(terms::addAll);
            if (!wordTerms.get(start).isEmpty() && !wordTerms.get(start + n - 1).isEmpty()
                    && synonymPhrases.contains(String.join(" ", terms))) {
                return n;
            }
        }
        return 1;
    }

    /** The one word that readable texts write for these typed words, or null. */
    private String joined(List<Item> run, Predicate<String> readable) {
        StringBuilder rest = new StringBuilder();
        for (Item item : run.subList(1, run.size())) {
            if (!LETTERS.matcher(item.text()).matches()) {
                return null;
            }
            rest.append(item.text().toLowerCase(Locale.ROOT));
        }
        String first = run.get(0).text().toLowerCase(Locale.ROOT);
        if (!LETTERS.matcher(first).matches()) {
            return null;
        }
        for (String linking : LINKING) {
            String candidate = first + linking + rest;
            List<Token> tokens = DutchAnalysis.tokens(words, Fields.SPELL, candidate);
            if (tokens.size() == 1 && readable.test(tokens.get(0).term())) {
                return candidate;
            }
        }
        return null;
    }

    private boolean searchable(Item item) {
        return item.form() == Form.PREFIX || !DutchAnalysis.tokens(words, Fields.SPELL, item.text()).isEmpty();
    }

    private static Alternative alternative(Item item) {
        return new Alternative(item.text(), item.form());
    }

    private static String label(List<Item> items) {
        return String.join(" of ", items.stream().map(Item::text).toList());
    }
}
