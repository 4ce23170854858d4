package nl.afsprakenwiki.agreements;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeltaType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line-based three-way merge (diff3): changes that "mine" and "theirs" made to different parts of
 * the common base are combined; where both changed the same lines differently, the result holds a
 * conflict block with both versions. Markdown paragraphs are lines separated by blank lines, so
 * edits to different paragraphs merge cleanly and edits to the same paragraph conflict.
 *
 * <p>The algorithm walks the base keeping, for each base line, where it sits in mine and in theirs
 * (from two LCS diffs). Lines kept by both sides are stable; between stable lines lies a chunk,
 * which is resolved by the usual diff3 rules.
 */
public final class ThreeWayMerge {

    public static final String MINE_MARKER = "<<<<<<<";
    public static final String SEPARATOR_MARKER = "=======";
    public static final String THEIRS_MARKER = ">>>>>>>";

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
        List<String> baseLines = lines(base);
        List<String> mineLines = lines(mine);
        List<String> theirLines = lines(theirs);
        int[] inMine = matches(baseLines, mineLines);
        int[] inTheirs = matches(baseLines, theirLines);

        List<String> out = new ArrayList<>();
        int conflicts = 0;
        int b = 0;
        int m = 0;
        int t = 0;
        while (b < baseLines.size() || m < mineLines.size() || t < theirLines.size()) {
            if (b < baseLines.size() && inMine[b] == m && inTheirs[b] == t) {
                out.add(baseLines.get(b));
                b++;
                m++;
                t++;
                continue;
            }
            // The next base line both sides still have ends this unstable chunk.
            int next = b;
            while (next < baseLines.size() && (inMine[next] < 0 || inTheirs[next] < 0)) {
                next++;
            }
            int mineEnd = next < baseLines.size() ? inMine[next] : mineLines.size();
            int theirEnd = next < baseLines.size() ? inTheirs[next] : theirLines.size();
            List<String> baseChunk = baseLines.subList(b, next);
            List<String> mineChunk = mineLines.subList(m, mineEnd);
            List<String> theirChunk = theirLines.subList(t, theirEnd);

            if (mineChunk.equals(baseChunk)) {
                out.addAll(theirChunk);
            } else if (theirChunk.equals(baseChunk) || mineChunk.equals(theirChunk)) {
                out.addAll(mineChunk);
            } else {
                conflicts++;
                out.add(MINE_MARKER + " " + mineLabel);
                out.addAll(mineChunk);
                out.add(SEPARATOR_MARKER);
                out.addAll(theirChunk);
                out.add(THEIRS_MARKER + " " + theirsLabel);
            }
            b = next;
            m = mineEnd;
            t = theirEnd;
        }
        return new Result(String.join("\n", out), conflicts);
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
        for (String line : lines(text)) {
            if (line.startsWith(MINE_MARKER)) {
                open = true;
            } else if (open && line.startsWith(THEIRS_MARKER)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    /** For each line of {@code base}: its index in {@code other} if the LCS keeps it, else -1. */
    private static int[] matches(List<String> base, List<String> other) {
        int[] result = new int[base.size()];
        Arrays.fill(result, -1);
        int baseIndex = 0;
        int otherIndex = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(base, other).getDeltas()) {
            Chunk<String> source = delta.getSource();
            Chunk<String> target = delta.getTarget();
            while (baseIndex < source.getPosition()) {
                result[baseIndex++] = otherIndex++;
            }
            if (delta.getType() != DeltaType.EQUAL) {
                baseIndex = source.getPosition() + source.size();
                otherIndex = target.getPosition() + target.size();
            }
        }
        while (baseIndex < base.size()) {
            result[baseIndex++] = otherIndex++;
        }
        return result;
    }
}
