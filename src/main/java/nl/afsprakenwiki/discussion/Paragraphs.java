package nl.afsprakenwiki.discussion;

import nl.afsprakenwiki.text.Hashes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A revision's text as the paragraphs a comment can be about: the blocks between blank lines. A
 * paragraph is known by the SHA-256 of its text, so a comment on revision 3 can tell whether the
 * same paragraph is still in the current revision, wherever it moved.
 */
public final class Paragraphs {

    private static final int EXCERPT = 60;

    /** One paragraph: its position, its text and that text's SHA-256. */
    public record Paragraph(int index, String text, String sha256) {

        /** The first words, without markdown's leading marks, for a select or a "bij alinea …". */
        public String excerpt() {
            return Paragraphs.excerpt(text);
        }
    }

    private final List<Paragraph> paragraphs;

    private Paragraphs(List<Paragraph> paragraphs) {
        this.paragraphs = List.copyOf(paragraphs);
    }

    public static Paragraphs of(String markdown) {
        List<Paragraph> found = new ArrayList<>();
        for (String block : (markdown == null ? "" : markdown).replace("\r\n", "\n").split("\n\\s*\n")) {
            String text = block.strip();
            if (!text.isEmpty()) {
                found.add(new Paragraph(found.size(), text, Hashes.sha256(text)));
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
        String plain = text.replaceAll("(?m)^\\s*(#{1,6}|[-*+>]|\\d{1,9}[.)])\\s+", "").replaceAll("\\s+", " ").strip();
        if (plain.length() <= EXCERPT) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', EXCERPT);
        return plain.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT) + " …";
    }
}
