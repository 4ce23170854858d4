package nl.afsprakenwiki.leaks;

import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.text.CleanText;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.List;

/** What members and the voorzitter enter about a leak: cleaned, and checked against the rules before anything is written. */
final class LeakInput {

    private LeakInput() {
    }

    /** The report with its texts cleaned ({@link CleanText}): lines for the short fields, stripped text for the long ones. */
    static Leaks.Report cleaned(Leaks.Report report) {
        return new Leaks.Report(report.parties() == null ? List.of() : report.parties(),
                CleanText.line(nullToEmpty(report.moment())), CleanText.line(nullToEmpty(report.title())),
                text(report.description()), CleanText.line(nullToEmpty(report.frequency())), text(report.example()));
    }

    /** A longer text as entered (a description, a reason, a comment), cleaned and stripped; null is empty. */
    static String text(String value) {
        return CleanText.text(nullToEmpty(value)).strip();
    }

    /**
     * Refuses (every broken rule at once) a cleaned report whose named parties are fewer than two or
     * not all of the koppelzone ({@code parties}: those found), or whose texts are missing or too long.
     */
    static void checkReport(Leaks.Report report, List<Long> parties) {
        List<FieldError> errors = new ArrayList<>();
        long named = report.parties().stream().distinct().count();
        if (parties.size() < 2 || parties.size() < named) {
            errors.add(new FieldError("parties", parties.size() < named ? "error.leak.partyUnknown" : "error.leak.partiesRequired"));
        }
        required(errors, "moment", report.moment(), Leaks.MAX_SHORT);
        required(errors, "title", report.title(), Leaks.MAX_TITLE);
        required(errors, "description", report.description(), Leaks.MAX_TEXT);
        required(errors, "frequency", report.frequency(), Leaks.MAX_SHORT);
        if (report.example().length() > Leaks.MAX_EXAMPLE) {
            errors.add(new FieldError("example", "error.leak.tooLong", Leaks.MAX_EXAMPLE));
        }
        InvalidInput.throwIfAny(errors);
    }

    /**
     * Refuses moving {@code leak} to {@code status} unless the move is allowed from where it stands,
     * not taken up has a (cleaned) reason, every agreement in {@code links} is of the leak's koppelzone
     * and a solved leak has an agreement (linked before or now).
     */
    static void checkStatusChange(Handle handle, LeakStore store, Leak leak, Leak.Status status, String reason,
                                  List<Long> links) {
        List<FieldError> errors = new ArrayList<>();
        if (status == null) {
            errors.add(new FieldError("status", "error.leak.statusUnknown"));
        } else if (status != leak.status() && !leak.status().next().contains(status)) {
            errors.add(new FieldError("status", "error.leak.statusNotAllowed"));
        }
        if (status == Leak.Status.NIET_OPGEPAKT && reason.isEmpty()) {
            errors.add(new FieldError("reason", "error.leak.reasonRequired"));
        }
        if (reason.length() > Leaks.MAX_REASON) {
            errors.add(new FieldError("reason", "error.leak.tooLong", Leaks.MAX_REASON));
        }
        for (long agreementId : links) {
            if (!store.agreementKoppelzone(handle, agreementId).map(k -> k == leak.koppelzoneId()).orElse(false)) {
                errors.add(new FieldError("agreement", "error.leak.agreementUnknown"));
                break;
            }
        }
        if (status == Leak.Status.OPGELOST && leak.agreements().isEmpty() && links.isEmpty()) {
            errors.add(new FieldError("agreement", "error.leak.agreementRequired"));
        }
        InvalidInput.throwIfAny(errors);
    }

    /** Refuses publishing a leak that is not solved, or whose agreements are none of them public. */
    static void checkPublishable(Leak leak) {
        if (leak.status() != Leak.Status.OPGELOST) {
            throw new InvalidInput("published", "error.leak.publishUnsolved");
        }
        if (leak.agreements().stream().noneMatch(Leak.LinkedAgreement::published)) {
            throw new InvalidInput("published", "error.leak.publishNoPublicAgreement");
        }
    }

    /** Refuses an empty or too long comment (cleaned). */
    static void checkComment(String body) {
        List<FieldError> errors = new ArrayList<>();
        required(errors, "body", body, Leaks.MAX_TEXT);
        InvalidInput.throwIfAny(errors);
    }

    private static void required(List<FieldError> errors, String field, String value, int max) {
        if (value.isEmpty()) {
            errors.add(new FieldError(field, "error.leak.required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "error.leak.tooLong", max));
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
