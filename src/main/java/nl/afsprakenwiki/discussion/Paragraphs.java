package nl.afsprakenwiki.discussion;

import nl.afsprakenwiki.text.Hashes;
import nl.afsprakenwiki.text.Memo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A revision's text as the paragraphs a comment can be about: the blocks between blank lines. A
 * paragraph is known by the SHA-256 of its text, so a comment on revision 3 can tell whether the
 * same paragraph is still in the current revision, wherever it moved.
 */
public final class Paragraphs {

    private static final int EXCERPT = 60;

    /**
     * One paragraph: its position, its text, that text's SHA-256 and its excerpt: the first words,
     * without markdown's leading marks, for a select or a "bij alinea …".
     */
    public record Paragraph(int index, String text, String sha256, String excerpt) {
    }

    private final List<Paragraph> paragraphs;

    private Paragraphs(List<Paragraph> paragraphs) {
        this.paragraphs = List.copyOf(paragraphs);
    }

    /**
     * The paragraphs of {@code markdown}. The last {@link #KEPT} texts' paragraphs are kept by their text:
     * a member's agreement page lists the current revision's paragraphs (for a comment's "bij alinea")
     * on every view, and they depend on nothing but the text.
     */
    public static Paragraphs of(String markdown) {
        return KEPT_TEXTS.of(markdown == null ? "" : markdown);
    }

    private static final int KEPT = 500;
    private static final Memo<String, Paragraphs> KEPT_TEXTS = new Memo<>(KEPT, Paragraphs::split);
    private static final Pattern BLANK_LINES = Pattern.compile("\n\\s*\n");
    private static final Pattern LEADING_MARKS = Pattern.compile("(?m)^\\s*(#{1,6}|[-*+>]|\\d{1,9}[.)])\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static Paragraphs split(String markdown) {
        List<Paragraph> found = new ArrayList<>();
        for (String block : BLANK_LINES.split(markdown.replace("\r\n", "\n"))) {
            String text = block.strip();
            if (!text.isEmpty()) {
                found.add(new Paragraph(found.size(), text, Hashes.sha256(text), excerpt(text)));
            }
        }
        return new Paragraphs(found);
    }

    public List<Paragraph> all() {
        return paragraphs;
    }

    public int size() {
        return paragraphs.size();
    }

    public Paragraph get(int index) {
        return paragraphs.get(index);
    }

    /** The hashes of every paragraph: "is this paragraph still there, unchanged?". */
    public Set<String> hashes() {
        return paragraphs.stream().map(Paragraph::sha256).collect(Collectors.toUnmodifiableSet());
    }

    static String excerpt(String text) {
        String plain = SPACES.matcher(LEADING_MARKS.matcher(text).replaceAll("")).replaceAll(" ").strip();
        if (plain.length() <= EXCERPT) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', EXCERPT);
        return plain.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT) + " …";
    }
}
