package nl.afsprakenwiki.experiences;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.privacy.TextPanel;

import java.util.List;
import java.util.Map;

/** View models of the experiences section (on the agreement page and on its own page). */
public final class ExperienceViews {

    private ExperienceViews() {
    }

    /**
     * One experience with its note as sanitised HTML; {@code privacy} holds the findings that keep it
     * from the public, for who may confirm them (its writer, the voorzitter, a beheerder), else none.
     */
    public record Item(Experience experience, String html, TextPanel privacy) {
        public Item(Experience experience, String html) {
            this(experience, html, TextPanel.NONE);
        }
    }

    /**
     * What was typed, with the problems found in it: the add form ({@code body}, {@code adopted}
     * "ja"/"nee"/"") or the hide form of the experience {@code hiding} ({@code reason}).
     */
    public record Typed(String body, String adopted, Long hiding, String reason, Map<String, String> errors,
                        TextPanel privacy) {
        public static final Typed NOTHING = new Typed("", "", null, "", Map.of());

        public Typed {
            privacy = privacy == null ? TextPanel.NONE : privacy;
        }

        public Typed(String body, String adopted, Long hiding, String reason, Map<String, String> errors) {
            this(body, adopted, hiding, reason, errors, TextPanel.NONE);
        }

        public String error(String field) {
            return errors.get(field);
        }

        /** The reason typed for {@code experienceId}'s hide form (empty for the others). */
        public String reasonFor(long experienceId) {
            return hiding != null && hiding == experienceId ? reason : "";
        }

        public String reasonErrorFor(long experienceId) {
            return hiding != null && hiding == experienceId ? errors.get("reason") : null;
        }
    }

    /**
     * The section: the experiences the viewer may see (hidden ones only for who may hide them), how many
     * are visible, and what the viewer may do.
     */
    public record Section(Agreement agreement, List<Item> items, long visible, boolean mayAdd, boolean signInToAdd,
                          boolean mayModerate, Typed typed) {
        public boolean empty() {
            return items.isEmpty() && !mayAdd && !signInToAdd;
        }
    }

    /** The experiences page: the section under the agreement's title. */
    public record Page(String title, Section section) {
    }
}
