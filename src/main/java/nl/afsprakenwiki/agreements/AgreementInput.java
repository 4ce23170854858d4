package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.access.InvalidInput;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a writer submits, and the rules it must meet. Limits are shared by the forms, the API and import. */
public final class AgreementInput {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 500_000;
    public static final int MAX_SUMMARY = 300;
    public static final int MAX_THEME = 60;
    public static final int MAX_THEMES = 20;

    private AgreementInput() {
    }

    /** A new agreement. */
    public record Draft(String title, String body, Details details, String summary) {
    }

    /**
     * A save on top of {@code baseRevision}. {@code details} null leaves parties, themes and review
     * date alone; with {@code baseDetails} (what the writer saw) they are merged three-way with
     * changes made meanwhile, without it they replace the current ones.
     */
    public record Edit(int baseRevision, String title, String body, String summary, Details details, Details baseDetails) {
    }

    /** Metadata that is not versioned with the text. */
    public record Details(Set<String> partySlugs, Set<String> themes, LocalDate reviewDate) {
    }

    /** The problems with a title, body and summary; empty if there are none. */
    public static List<FieldError> check(String title, String body, String summary) {
        List<FieldError> errors = new ArrayList<>();
        checkText(title, body, summary, errors);
        return errors;
    }

    static void checkText(String title, String body, String summary, List<FieldError> errors) {
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty()) {
            errors.add(new FieldError("title", "error.title.required"));
        } else if (cleanTitle.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "error.title.tooLong", MAX_TITLE));
        } else if (cleanTitle.chars().anyMatch(c -> Character.isISOControl(c))) {
            errors.add(new FieldError("title", "error.title.control"));
        }
        if (body == null || body.isBlank()) {
            errors.add(new FieldError("body", "error.body.required"));
        } else if (body.length() > MAX_BODY) {
            errors.add(new FieldError("body", "error.body.tooLong", MAX_BODY));
        } else if (ThreeWayMerge.hasConflictMarkers(RevisionContent.normaliseLineEndings(body))) {
            errors.add(new FieldError("body", "error.body.conflictMarkers"));
        }
        if (summary != null && summary.strip().length() > MAX_SUMMARY) {
            errors.add(new FieldError("summary", "error.summary.tooLong", MAX_SUMMARY));
        }
    }

    /** Themes in canonical form (trimmed, lower case, single spaces, no duplicates), or errors. */
    static Set<String> normaliseThemes(Set<String> themes, List<FieldError> errors) {
        Set<String> result = new LinkedHashSet<>();
        for (String theme : themes) {
            String clean = normaliseTheme(theme);
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.length() > MAX_THEME) {
                errors.add(new FieldError("themes", "error.theme.tooLong", MAX_THEME));
                return result;
            }
            result.add(clean);
        }
        if (result.size() > MAX_THEMES) {
            errors.add(new FieldError("themes", "error.themes.tooMany", MAX_THEMES));
        }
        return result;
    }

    public static String normaliseTheme(String theme) {
        return theme == null ? "" : theme.strip().replaceAll("\\s+", " ").toLowerCase(new Locale("nl"));
    }

    static String cleanSummary(String summary) {
        return summary == null ? "" : summary.strip().replaceAll("\\p{Cntrl}", " ");
    }

    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(new ArrayList<>(errors));
        }
    }
}
