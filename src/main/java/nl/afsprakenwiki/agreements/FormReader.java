package nl.afsprakenwiki.agreements;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.agreements.AgreementInput.Details;
import nl.afsprakenwiki.agreements.AgreementViews.FormValues;
import nl.afsprakenwiki.koppelzones.Organisation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns the agreement form into values (kept exactly as typed) and values into service input. */
final class FormReader {

    private FormReader() {
    }

    static FormValues read(Context ctx) {
        return new FormValues(
                text(ctx, "title"), text(ctx, "body"),
                new LinkedHashSet<>(ctx.formParams("parties")), new LinkedHashSet<>(ctx.formParams("themes")),
                text(ctx, "otherThemes"), text(ctx, "reviewDate"), text(ctx, "summary"),
                AgreementPages.optionalNumber(ctx.formParam("baseRevision")).orElse(0),
                new LinkedHashSet<>(ctx.formParams("baseParties")), new LinkedHashSet<>(ctx.formParams("baseThemes")),
                text(ctx, "baseReviewDate"));
    }

    /** The privacy findings a form confirmed (web/templates/privacy/findings.jte): fingerprints and reason. */
    public static AgreementInput.Acceptance acceptance(Context ctx) {
        return new AgreementInput.Acceptance(new LinkedHashSet<>(ctx.formParams("acceptedFindings")),
                text(ctx, "acceptanceReason"));
    }

    static boolean wantsPreview(Context ctx) {
        return "preview".equals(ctx.formParam("action"));
    }

    static FormValues fromAgreement(Agreement agreement, Revision revision) {
        Set<String> parties = agreement.parties().stream().map(Organisation::slug)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> suggested = agreement.themes().stream().filter(AgreementViews.SUGGESTED_THEMES::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String others = agreement.themes().stream().filter(theme -> !AgreementViews.SUGGESTED_THEMES.contains(theme))
                .collect(Collectors.joining(", "));
        String review = agreement.reviewDate() == null ? "" : agreement.reviewDate().toString();
        return new FormValues(revision.title(), revision.body(), parties, suggested, others, review, "",
                revision.number(), parties, new LinkedHashSet<>(agreement.themes()), review);
    }

    /** The values without a review date, so the current one stays as it is. */
    static FormValues withoutReviewDate(FormValues values) {
        return new FormValues(values.title(), values.body(), values.parties(), values.themes(), values.otherThemes(), "",
                values.summary(), values.baseRevision(), values.baseParties(), values.baseThemes(), "");
    }

    static Details details(FormValues values) {
        return new Details(values.parties(), themes(values.themes(), values.otherThemes()), date(values.reviewDate()));
    }

    static AgreementInput.Edit edit(FormValues values) {
        return edit(values, AgreementInput.Acceptance.NONE);
    }

    static AgreementInput.Edit edit(FormValues values, AgreementInput.Acceptance accepted) {
        Details base = new Details(values.baseParties(), values.baseThemes(), dateOrNull(values.baseReviewDate()));
        return new AgreementInput.Edit(values.baseRevision(), values.title(), values.body(), values.summary(),
                details(values), base, accepted);
    }

    private static Set<String> themes(Set<String> checked, String others) {
        Set<String> all = new LinkedHashSet<>(checked);
        Arrays.stream(others.split(",")).map(String::strip).filter(theme -> !theme.isEmpty()).forEach(all::add);
        return all;
    }

    private static LocalDate date(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("reviewDate", "error.reviewDate.invalid");
        }
    }

    private static LocalDate dateOrNull(String value) {
        try {
            return value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
