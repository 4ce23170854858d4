package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.text.CleanText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** What a writer submits, and the rules it must meet. Limits are shared by the forms, the API and import. */
public final class AgreementInput {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 500_000;
    public static final int MAX_SUMMARY = 300;
    public static final int MAX_THEME = 60;
    public static final int MAX_THEMES = 20;

    private AgreementInput() {
    }

    /** A new agreement; its text is cleaned (see {@link CleanText}) as it is made, whoever makes it. */
    public record Draft(String title, String body, Details details, String summary, Acceptance accepted) {
        public Draft {
            title = CleanText.line(title);
            body = CleanText.text(body);
            summary = CleanText.line(summary);
            accepted = accepted == null ? Acceptance.NONE : accepted;
        }

        public Draft(String title, String body, Details details, String summary) {
            this(title, body, details, summary, Acceptance.NONE);
        }
    }

    /**
     * A save on top of {@code baseRevision}. {@code details} null leaves parties, themes and review
     * date alone; with {@code baseDetails} (what the writer saw) they are merged three-way with
     * changes made meanwhile, without it they replace the current ones.
     */
    public record Edit(int baseRevision, String title, String body, String summary, Details details, Details baseDetails,
                       Acceptance accepted) {
        public Edit {
            title = CleanText.line(title);
            body = CleanText.text(body);
            summary = CleanText.line(summary);
            accepted = accepted == null ? Acceptance.NONE : accepted;
        }

        public Edit(int baseRevision, String title, String body, String summary, Details details, Details baseDetails) {
            this(baseRevision, title, body, summary, details, baseDetails, Acceptance.NONE);
        }
    }

    /**
     * The privacy findings a writer confirmed are no personal data (issue 17 point 2), by fingerprint,
     * and why. Only fingerprints of findings in the saved text are stored.
     */
    public record Acceptance(Set<String> fingerprints, String reason) {
        public static final Acceptance NONE = new Acceptance(Set.of(), "");

        /** From a request's list (null: none) and reason. */
        public static Acceptance of(List<String> fingerprints, String reason) {
            return new Acceptance(fingerprints == null ? Set.of() : new LinkedHashSet<>(fingerprints), reason);
        }

        public Acceptance {
            fingerprints = fingerprints == null ? Set.of()
                    : fingerprints.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
            reason = CleanText.line(reason);
        }
    }

    /** Metadata that is not versioned with the text. */
    public record Details(Set<String> partySlugs, Set<String> themes, LocalDate reviewDate) {
    }

    /**
     * The problems with a title, body and summary as {@link Draft} and {@link Edit} cleaned them
     * (never null): a title of only invisible characters is empty, so it gets the usual "required" error.
     */
    static void checkText(String title, String body, String summary, List<FieldError> errors) {
        if (title.isEmpty()) {
            errors.add(new FieldError("title", "error.title.required"));
        } else if (title.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "error.title.tooLong", MAX_TITLE));
        }
        if (body.isBlank()) {
            errors.add(new FieldError("body", "error.body.required"));
        } else if (body.length() > MAX_BODY) {
            errors.add(new FieldError("body", "error.body.tooLong", MAX_BODY));
        } else if (ThreeWayMerge.hasConflictMarkers(RevisionContent.normaliseLineEndings(body))) {
            errors.add(new FieldError("body", "error.body.conflictMarkers"));
        }
        if (summary.length() > MAX_SUMMARY) {
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
        return CleanText.line(theme).replaceAll("\\s+", " ").toLowerCase(new Locale("nl"));
    }

    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(new ArrayList<>(errors));
        }
    }
}
