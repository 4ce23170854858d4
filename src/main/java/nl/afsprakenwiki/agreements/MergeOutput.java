package nl.afsprakenwiki.agreements;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the blocks of a merge result and puts the blank lines back between them: from a version
 * in which two neighbouring blocks also stand together, merged three-way when all three versions
 * have them together. A conflict is a place in the result, not text: {@link #parts} leaves it open.
 */
final class MergeOutput {
    private final MarkdownBlocks mine;
    private final MarkdownBlocks theirs;
    private final MarkdownBlocks base;
    private final List<Element> elements = new ArrayList<>();

    /**
     * A piece of the result and where it came from: block ranges in mine, theirs and base (or null);
     * {@code conflict} is the index of the conflict it stands for, or null for text.
     */
    private record Element(List<String> lines, BlockRange inMine, BlockRange inTheirs, BlockRange inBase, Integer conflict) {
        Element(List<String> lines, BlockRange inMine, BlockRange inTheirs, BlockRange inBase) {
            this(lines, inMine, inTheirs, inBase, null);
        }
    }

    MergeOutput(MarkdownBlocks mine, MarkdownBlocks theirs, MarkdownBlocks base) {
        this.mine = mine;
        this.theirs = theirs;
        this.base = base;
    }

    void stable(int baseBlock, int mineBlock, int theirBlock) {
        elements.add(new Element(base.blocks.get(baseBlock), new BlockRange(mineBlock, mineBlock + 1),
                new BlockRange(theirBlock, theirBlock + 1), new BlockRange(baseBlock, baseBlock + 1)));
    }

    void taken(boolean fromMine, BlockRange range) {
        MarkdownBlocks doc = fromMine ? mine : theirs;
        for (int block = range.start(); block < range.end(); block++) {
            BlockRange one = new BlockRange(block, block + 1);
            elements.add(new Element(doc.blocks.get(block), fromMine ? one : null, fromMine ? null : one, null));
        }
    }

    /** The place of conflict {@code index}, between mine's blocks {@code mineRange} and theirs' {@code theirRange}. */
    void conflict(BlockRange mineRange, BlockRange theirRange, int index) {
        elements.add(new Element(List.of(), mineRange, theirRange, null, index));
    }

    /** The result: its lines joined by newlines, each conflict an open place among them. */
    List<MergeResult.Part> parts() {
        List<Object> lines = new ArrayList<>();
        if (elements.isEmpty()) {
            // no block survived: the blank text of a version that has no blocks either
            MarkdownBlocks empty = mine.blocks.isEmpty() ? mine : theirs.blocks.isEmpty() ? theirs : base;
            lines.addAll(empty.leading);
        } else {
            lines.addAll(leading(elements.get(0)));
        }
        for (int i = 0; i < elements.size(); i++) {
            Element element = elements.get(i);
            if (element.conflict() != null) {
                lines.add(element.conflict());
            } else {
                lines.addAll(element.lines());
            }
            lines.addAll(i + 1 < elements.size() ? separator(element, elements.get(i + 1)) : trailing(element));
        }
        List<MergeResult.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            if (lines.get(i) instanceof Integer conflict) {
                if (!text.isEmpty()) {
                    parts.add(new MergeResult.Merged(text.toString()));
                    text.setLength(0);
                }
                parts.add(new MergeResult.ConflictAt(conflict));
            } else {
                text.append((String) lines.get(i));
            }
        }
        if (!text.isEmpty()) {
            parts.add(new MergeResult.Merged(text.toString()));
        }
        return parts;
    }

    /** Blank lines before the first piece: from a version where it also comes first. */
    private List<String> leading(Element first) {
        if (startsAll(first)) {
            return choose(base.leading, mine.leading, theirs.leading);
        }
        if (first.inMine() != null && !first.inMine().isEmpty() && first.inMine().start() == 0) {
            return mine.leading;
        }
        if (first.inTheirs() != null && !first.inTheirs().isEmpty() && first.inTheirs().start() == 0) {
            return theirs.leading;
        }
        return first.inBase() != null && first.inBase().start() == 0 ? base.leading : List.of();
    }

    /** Blank lines after the last piece: from a version where it also comes last. */
    private List<String> trailing(Element last) {
        if (endsAll(last)) {
            return choose(base.trailing(), mine.trailing(), theirs.trailing());
        }
        if (last.inMine() != null && !last.inMine().isEmpty() && last.inMine().end() == mine.blocks.size()) {
            return mine.trailing();
        }
        if (last.inTheirs() != null && !last.inTheirs().isEmpty() && last.inTheirs().end() == theirs.blocks.size()) {
            return theirs.trailing();
        }
        return last.inBase() != null && last.inBase().end() == base.blocks.size() ? base.trailing() : List.of();
    }

    /**
     * The blank lines between two pieces: from a version in which they stand next to each other;
     * else what followed the first piece in its own version, or preceded the second in its own;
     * else one empty line.
     */
    private List<String> separator(Element before, Element after) {
        if (adjacent(before.inMine(), after.inMine()) && adjacent(before.inTheirs(), after.inTheirs())
                && adjacent(before.inBase(), after.inBase())) {
            return choose(base.separators.get(before.inBase().end() - 1),
                    mine.separators.get(before.inMine().end() - 1), theirs.separators.get(before.inTheirs().end() - 1));
        }
        if (adjacent(before.inMine(), after.inMine())) {
            return mine.separators.get(before.inMine().end() - 1);
        }
        if (adjacent(before.inTheirs(), after.inTheirs())) {
            return theirs.separators.get(before.inTheirs().end() - 1);
        }
        if (adjacent(before.inBase(), after.inBase())) {
            return base.separators.get(before.inBase().end() - 1);
        }
        for (Source source : sources(before)) {
            if (!source.range().isEmpty() && source.range().end() < source.doc().blocks.size()) {
                return source.doc().separators.get(source.range().end() - 1);
            }
        }
        for (Source source : sources(after)) {
            if (!source.range().isEmpty() && source.range().start() > 0) {
                return source.doc().separators.get(source.range().start() - 1);
            }
        }
        return List.of("");
    }

    private record Source(MarkdownBlocks doc, BlockRange range) {
    }

    /** Blank lines both sides kept are merged like any value: the side that changed them wins, mine if both did. */
    private static List<String> choose(List<String> base, List<String> mine, List<String> theirs) {
        return mine.equals(base) ? theirs : mine;
    }

    private boolean startsAll(Element element) {
        return starts(element.inMine()) && starts(element.inTheirs()) && starts(element.inBase());
    }

    private boolean endsAll(Element element) {
        return ends(element.inMine(), mine) && ends(element.inTheirs(), theirs) && ends(element.inBase(), base);
    }

    private static boolean starts(BlockRange range) {
        return range != null && !range.isEmpty() && range.start() == 0;
    }

    private static boolean ends(BlockRange range, MarkdownBlocks doc) {
        return range != null && !range.isEmpty() && range.end() == doc.blocks.size();
    }

    private List<Source> sources(Element element) {
        List<Source> sources = new ArrayList<>();
        if (element.inMine() != null) {
            sources.add(new Source(mine, element.inMine()));
        }
        if (element.inTheirs() != null) {
            sources.add(new Source(theirs, element.inTheirs()));
        }
        if (element.inBase() != null) {
            sources.add(new Source(base, element.inBase()));
        }
        return sources;
    }

    private static boolean adjacent(BlockRange before, BlockRange after) {
        return before != null && after != null && !before.isEmpty() && before.end() == after.start();
    }
}
