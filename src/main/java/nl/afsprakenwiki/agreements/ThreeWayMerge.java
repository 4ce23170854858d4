package nl.afsprakenwiki.agreements;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Three-way merge of markdown texts with the <em>block</em> as the unit: a paragraph, a list item,
 * a table row or a heading. Changes that "mine" and "theirs" made to different blocks of their
 * common base are combined; where both changed the same block differently, or inserted different
 * blocks at the same place, the result holds a conflict with the base's, mine and theirs' blocks,
 * for the writer to resolve block by block ({@link MergeResult}). No conflict markers are ever
 * written into a text; the marker constants below only recognise texts from before that.
 *
 * <p>Blank lines between blocks belong to no block, so deleting one paragraph never collides with
 * editing the next. In the result, the blank lines between two blocks are taken from a version in
 * which those two blocks stand next to each other (mine first), or are a single empty line.
 */
public final class ThreeWayMerge {

    /** The opening line of a conflict block as merges once wrote them; such text is refused. */
    public static final String MINE_MARKER = "<<<<<<<";
    /** The closing line of such a block. */
    public static final String THEIRS_MARKER = ">>>>>>>";

    private ThreeWayMerge() {
    }

    /** Merges two descendants of {@code base}. */
    public static MergeResult merge(String base, String mine, String theirs) {
        MarkdownBlocks baseDoc = MarkdownBlocks.parse(base);
        MarkdownBlocks mineDoc = MarkdownBlocks.parse(mine);
        MarkdownBlocks theirDoc = MarkdownBlocks.parse(theirs);
        int[] inMine = matches(baseDoc, mineDoc);
        int[] inTheirs = matches(baseDoc, theirDoc);
        List<Hunk> hunks = new ArrayList<>(hunks(baseDoc, mineDoc, Side.MINE));
        hunks.addAll(hunks(baseDoc, theirDoc, Side.THEIRS));
        hunks.sort(Comparator.comparingInt(Hunk::start).thenComparingInt(Hunk::end));

        MergeOutput out = new MergeOutput(mineDoc, theirDoc, baseDoc);
        List<MergeResult.BlockConflict> conflicts = new ArrayList<>();
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
            BlockRange mineRange = range(hunks, cluster, Side.MINE, from, to);
            BlockRange theirRange = range(hunks, cluster, Side.THEIRS, from, to);
            boolean mineChanged = cluster.stream().anyMatch(handle -> handle.side() == Side.MINE);
            boolean theirsChanged = cluster.stream().anyMatch(handle -> handle.side() == Side.THEIRS);
            if (!theirsChanged || (mineChanged && mineDoc.sameBlocks(mineRange, theirDoc, theirRange))) {
                out.taken(true, mineRange);
            } else if (!mineChanged) {
                out.taken(false, theirRange);
            } else {
                var conflict = new MergeResult.BlockConflict(conflicts.size(), baseDoc.text(new BlockRange(from, to)),
                        mineDoc.text(mineRange), theirDoc.text(theirRange));
                conflicts.add(conflict);
                out.conflict(mineRange, theirRange, conflict.index());
            }
            position = to;
        }
        for (int block = position; block < baseDoc.blocks.size(); block++) {
            out.stable(block, inMine[block], inTheirs[block]);
        }
        return new MergeResult(out.parts(), conflicts);
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

    /** True if {@code text} contains a conflict block in the form merges once wrote (an opening and a closing marker line). */
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



    /** For each block of {@code base}: its index in {@code other} if unchanged there, else -1. */
    private static int[] matches(MarkdownBlocks base, MarkdownBlocks other) {
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

    private static List<Hunk> hunks(MarkdownBlocks base, MarkdownBlocks other, Side side) {
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
    private static BlockRange range(List<Hunk> all, List<Hunk> cluster, Side side, int from, int to) {
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
        return new BlockRange(start, end);
    }
}
