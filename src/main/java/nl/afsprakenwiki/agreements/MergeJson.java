package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.web.Json;

import java.util.List;
import java.util.Map;

/**
 * A conflicting merge in the API's 409 answers (docs/API.md, "Edit conflicts"): the same shape for
 * saving an agreement, taking over a source's change and accepting a proposal, so that a client
 * resolves them all alike.
 */
public final class MergeJson {

    private MergeJson() {
    }

    /** {@code [{index, base, mine, theirs}]}: exactly the conflicting blocks, as markdown. */
    public static List<Map<String, Object>> conflicts(MergeResult merge) {
        return merge.conflicts().stream().map(block -> Json.object("index", block.index(), "base", block.base(),
                "mine", block.mine(), "theirs", block.theirs())).toList();
    }

    /** {@code {title, parts}}: the merged title (null if both changed it) and the text as parts, {@code {text}} or {@code {conflict}}. */
    public static Map<String, Object> merged(String title, MergeResult merge) {
        return Json.object("title", title, "parts", merge.parts().stream()
                .map(part -> part instanceof MergeResult.ConflictAt at ? Json.object("conflict", at.index())
                        : Json.object("text", ((MergeResult.Merged) part).text())).toList());
    }

    /** {@code {base, mine, theirs}} when both changed the title differently, else null. */
    public static Map<String, Object> titleConflict(boolean conflict, String base, String mine, String theirs) {
        return conflict ? Json.object("base", base, "mine", mine, "theirs", theirs) : null;
    }
}
