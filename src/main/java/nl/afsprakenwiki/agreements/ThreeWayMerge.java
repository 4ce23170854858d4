package nl.afsprakenwiki.agreements;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Three-way merge of markdown texts with the <em>block</em> as the unit: a paragraph, a list item,
 * a table row or a heading. Changes that "mine" and "theirs" made to different blocks of their
 * common base are combined; where both changed the same block differently, or inserted different
 * blocks at the same place, the result holds a conflict block with both versions.
 *
 * <p>Blank lines between blocks belong to no block, so deleting one paragraph never collides with
 * editing the next. In the result, the blank lines between two blocks are taken from a version in
 * which those two blocks stand next to each other (mine first), or are a single empty line.
 */
public final class ThreeWayMerge {

    public static final String MINE_MARKER = "<<<<<<<";
    public static final String SEPARATOR_MARKER = "=======";
    public static final String THEIRS_MARKER = ">>>>>>>";

    private static final Pattern LIST_ITEM = Pattern.compile("\\s*([-*+]|\\d{1,9}[.)])(\\s.*)?");
    private static final Pattern HEADING = Pattern.compile(" {0,3}#{1,6}(\\s.*)?");
    private static final Pattern TABLE_ROW = Pattern.compile("\\s*\\|.*");

    private ThreeWayMerge() {
    }

    /** The outcome: merged text (with conflict blocks if any) and the number of conflicts. */
    public record Result(String text, int conflicts) {
        public boolean clean() {
            return conflicts == 0;
        }
    }

    /**
     * Merges two descendants of {@code base}.
     *
     * @param mineLabel   shown after the opening marker of a conflict block
     * @param theirsLabel shown after the closing marker
     */
    public static Result merge(String base, String mine, String theirs, String mineLabel, String theirsLabel) {
        Doc baseDoc = Doc.parse(base);
        Doc mineDoc = Doc.parse(mine);
        Doc theirDoc = Doc.parse(theirs);
        int[] inMine = matches(baseDoc, mineDoc);
        int[] inTheirs = matches(baseDoc, theirDoc);
        List<Hunk> hunks = new ArrayList<>(hunks(baseDoc, mineDoc, Side.MINE));
        hunks.addAll(hunks(baseDoc, theirDoc, Side.THEIRS));
        hunks.sort(Comparator.comparingInt(Hunk::start).thenComparingInt(Hunk::end));

        Output out = new Output(mineDoc, theirDoc, baseDoc);
        int conflicts = 0;
        int position = 0;
        int index = 0;
        while (index < hunks.size()) {
            Hunk first = hunks.get(index);
            int from = first.start();
            int to = first.end();
            List<Hunk> cluster = new ArrayList<>(List.of(first));
            for (index++; index < hunks.size() && overlaps(from, to, hunks.get(index)); index++) {
                cluster.add(hunks.get(index));
                to = Math.max(to, hunks.get(index).end());
            }
            for (int block = position; block < from; block++) {
                out.stable(block, inMine[block], inTheirs[block]);
            }
            Range mineRange = range(hunks, cluster, Side.MINE, from, to);
            Range theirRange = range(hunks, cluster, Side.THEIRS, from, to);
            boolean mineChanged = cluster.stream().anyMatch(h -> h.side() == Side.MINE);
            boolean theirsChanged = cluster.stream().anyMatch(h -> h.side() == Side.THEIRS);
            if (!theirsChanged || (mineChanged && mineDoc.sameBlocks(mineRange, theirDoc, theirRange))) {
                out.taken(Side.MINE, mineRange);
            } else if (!mineChanged) {
                out.taken(Side.THEIRS, theirRange);
            } else {
                conflicts++;
                out.conflict(mineRange, theirRange, mineLabel, theirsLabel);
            }
            position = to;
        }
        for (int block = position; block < baseDoc.blocks.size(); block++) {
            out.stable(block, inMine[block], inTheirs[block]);
        }
        return new Result(out.text(), conflicts);
    }

    /** Merges single-line values such as titles: a change on one side wins; different changes on both sides conflict. */
    public static String mergeValue(String base, String mine, String theirs) {
        if (mine.equals(base)) {
            return theirs;
        }
        if (theirs.equals(base) || theirs.equals(mine)) {
            return mine;
        }
        return null;
    }

    /** True if {@code text} still contains a conflict block left by {@link #merge}. */
    public static boolean hasConflictMarkers(String text) {
        boolean open = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(MINE_MARKER)) {
                open = true;
            } else if (open && line.startsWith(THEIRS_MARKER)) {
                return true;
            }
        }
        return false;
    }

    // --- the model ------------------------------------------------------------------------------

    private enum Side { MINE, THEIRS }

    /** Base blocks [start, end) replaced by the other version's blocks [targetStart, targetEnd). */
    private record Hunk(Side side, int start, int end, int targetStart, int targetEnd) {
    }

    /** A run of blocks [start, end) of one version. */
    private record Range(int start, int end) {
        boolean isEmpty() {
            return end <= start;
        }
    }

    /**
     * A text as blocks: leading blank lines, then blocks, each followed by its separator (the blank
     * lines after it, possibly none).
     */
    private static final class Doc {
        final List<String> leading = new ArrayList<>();
        final List<List<String>> blocks = new ArrayList<>();
        final List<List<String>> separators = new ArrayList<>();
        final List<String> keys = new ArrayList<>();

        static Doc parse(String text) {
            Doc doc = new Doc();
            List<String> lines = Arrays.asList(text.split("\n", -1));
            int i = 0;
            while (i < lines.size() && lines.get(i).isBlank()) {
                doc.leading.add(lines.get(i++));
            }
            while (i < lines.size()) {
                int start = i++;
                while (i < lines.size() && !lines.get(i).isBlank() && !startsBlock(lines.get(i), lines.get(i - 1))) {
                    i++;
                }
                int separatorStart = i;
                while (i < lines.size() && lines.get(i).isBlank()) {
                    i++;
                }
                List<String> block = lines.subList(start, separatorStart);
                doc.blocks.add(block);
                doc.keys.add(String.join("\n", block));
                doc.separators.add(lines.subList(separatorStart, i));
            }
            return doc;
        }

        /** A list item, table row or heading starts a block of its own, and so does the line after a heading. */
        private static boolean startsBlock(String line, String previous) {
            return LIST_ITEM.matcher(line).matches() || HEADING.matcher(line).matches()
                    || TABLE_ROW.matcher(line).matches() || HEADING.matcher(previous).matches();
        }

        boolean sameBlocks(Range range, Doc other, Range otherRange) {
            return keys.subList(range.start(), range.end()).equals(other.keys.subList(otherRange.start(), otherRange.end()));
        }

        /** The lines of blocks [start, end) with the separators between them (not after the last). */
        List<String> lines(Range range) {
            List<String> lines = new ArrayList<>();
            for (int block = range.start(); block < range.end(); block++) {
                lines.addAll(blocks.get(block));
                if (block + 1 < range.end()) {
                    lines.addAll(separators.get(block));
                }
            }
            return lines;
        }

        /** Blank lines at the end of the text. */
        List<String> trailing() {
            return blocks.isEmpty() ? List.of() : separators.get(separators.size() - 1);
        }
    }

    /** For each block of {@code base}: its index in {@code other} if unchanged there, else -1. */
    private static int[] matches(Doc base, Doc other) {
        int[] result = new int[base.blocks.size()];
        Arrays.fill(result, -1);
        int baseIndex = 0;
        int otherIndex = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(base.keys, other.keys).getDeltas()) {
            while (baseIndex < delta.getSource().getPosition()) {
                result[baseIndex++] = otherIndex++;
            }
            baseIndex = delta.getSource().getPosition() + delta.getSource().size();
            otherIndex = delta.getTarget().getPosition() + delta.getTarget().size();
        }
        while (baseIndex < result.length) {
            result[baseIndex++] = otherIndex++;
        }
        return result;
    }

    private static List<Hunk> hunks(Doc base, Doc other, Side side) {
        List<Hunk> hunks = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(base.keys, other.keys).getDeltas()) {
            int start = delta.getSource().getPosition();
            int targetStart = delta.getTarget().getPosition();
            hunks.add(new Hunk(side, start, start + delta.getSource().size(),
                    targetStart, targetStart + delta.getTarget().size()));
        }
        return hunks;
    }

    /** A hunk joins the cluster [from, to) if their blocks overlap or both insert at the same place. */
    private static boolean overlaps(int from, int to, Hunk hunk) {
        if (hunk.start() < to && from < hunk.end()) {
            return true;
        }
        if (hunk.start() == hunk.end()) {
            return (from < hunk.start() && hunk.start() < to) || (from == to && from == hunk.start());
        }
        return from == to && hunk.start() < from && from < hunk.end();
    }

    /**
     * Where the base blocks [from, to) went in one version: shifted by the size changes of that
     * side's earlier hunks, and stretched by the size changes of its hunks in the cluster.
     */
    private static Range range(List<Hunk> all, List<Hunk> cluster, Side side, int from, int to) {
        int start = from;
        int end = to;
        for (Hunk hunk : all) {
            if (hunk.side() != side) {
                continue;
            }
            int growth = (hunk.targetEnd() - hunk.targetStart()) - (hunk.end() - hunk.start());
            if (cluster.contains(hunk)) {
                end += growth;
            } else if (hunk.end() <= from) {
                start += growth;
                end += growth;
            }
        }
        return new Range(start, end);
    }

    /** Collects the result's blocks and restores the blank lines between them. */
    private static final class Output {
        private final Doc mine;
        private final Doc theirs;
        private final Doc base;
        private final List<Element> elements = new ArrayList<>();

        /** A piece of the result and where it came from: block ranges in mine, theirs and base (or null). */
        private record Element(List<String> lines, Range inMine, Range inTheirs, Range inBase) {
        }

        Output(Doc mine, Doc theirs, Doc base) {
            this.mine = mine;
            this.theirs = theirs;
            this.base = base;
        }

        void stable(int baseBlock, int mineBlock, int theirBlock) {
            elements.add(new Element(base.blocks.get(baseBlock), new Range(mineBlock, mineBlock + 1),
                    new Range(theirBlock, theirBlock + 1), new Range(baseBlock, baseBlock + 1)));
        }

        void taken(Side side, Range range) {
            Doc doc = side == Side.MINE ? mine : theirs;
            for (int block = range.start(); block < range.end(); block++) {
                Range one = new Range(block, block + 1);
                elements.add(new Element(doc.blocks.get(block), side == Side.MINE ? one : null,
                        side == Side.THEIRS ? one : null, null));
            }
        }

        void conflict(Range mineRange, Range theirRange, String mineLabel, String theirsLabel) {
            List<String> lines = new ArrayList<>();
            lines.add(MINE_MARKER + " " + mineLabel);
            lines.addAll(mine.lines(mineRange));
            lines.add(SEPARATOR_MARKER);
            lines.addAll(theirs.lines(theirRange));
            lines.add(THEIRS_MARKER + " " + theirsLabel);
            elements.add(new Element(lines, mineRange, theirRange, null));
        }

        String text() {
            if (elements.isEmpty()) {
                // no block survived: the blank text of a version that has no blocks either
                Doc empty = mine.blocks.isEmpty() ? mine : theirs.blocks.isEmpty() ? theirs : base;
                return String.join("\n", empty.leading);
            }
            List<String> lines = new ArrayList<>(leading(elements.get(0)));
            for (int i = 0; i < elements.size(); i++) {
                lines.addAll(elements.get(i).lines());
                lines.addAll(i + 1 < elements.size() ? separator(elements.get(i), elements.get(i + 1))
                        : trailing(elements.get(i)));
            }
            return String.join("\n", lines);
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

        private record Source(Doc doc, Range range) {
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

        private static boolean starts(Range range) {
            return range != null && !range.isEmpty() && range.start() == 0;
        }

        private static boolean ends(Range range, Doc doc) {
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

        private static boolean adjacent(Range before, Range after) {
            return before != null && after != null && !before.isEmpty() && before.end() == after.start();
        }
    }
}
