package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.agreements.AgreementInput.Details;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.Party;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An agreement's parties, themes and review date: checked against its koppelzone and changed
 * without a new revision. A writer's changes are merged three-way with what changed meanwhile.
 */
final class AgreementDetails {

    private final AgreementStore store;
    private final KoppelzoneStore koppelzones;
    private final AuditLog audit;
    private final PartiesChanged partiesChanged;

    AgreementDetails(AgreementStore store, KoppelzoneStore koppelzones, AuditLog audit, PartiesChanged partiesChanged) {
        this.store = store;
        this.koppelzones = koppelzones;
        this.audit = audit;
        this.partiesChanged = partiesChanged;
    }

    Details check(Handle handle, Agreement agreement, Details details, List<FieldError> errors) {
        Set<String> themes = AgreementInput.normaliseThemes(details.themes(), errors);
        partyIds(handle, agreement.koppelzone(), details.partySlugs(), errors);
        return new Details(details.partySlugs(), themes, details.reviewDate());
    }

    /**
     * Applies changed metadata. With {@code base} (what the writer saw), only the writer's own
     * changes are applied on top of the current values, so concurrent changes survive.
     */
    boolean apply(Handle handle, Agreement agreement, Details mine, Details base, Author author) {
        if (mine == null) {
            return false;
        }
        Set<String> currentParties = new LinkedHashSet<>(agreement.parties().stream().map(Organisation::slug).toList());
        Set<String> currentThemes = new LinkedHashSet<>(agreement.themes());
        Set<String> parties = base == null ? mine.partySlugs() : mergeSets(base.partySlugs(), mine.partySlugs(), currentParties);
        Set<String> themes = base == null ? mine.themes()
                : mergeSets(normalised(base.themes()), mine.themes(), currentThemes);
        var reviewDate = base == null || !Objects.equals(mine.reviewDate(), base.reviewDate())
                ? mine.reviewDate() : agreement.reviewDate();
        boolean changed = false;
        if (!parties.equals(currentParties)) {
            List<FieldError> errors = new ArrayList<>();
            List<Long> ids = partyIds(handle, agreement.koppelzone(), parties, errors);
            AgreementInput.throwIfAny(errors);
            store.setParties(handle, agreement.id(), ids);
            partiesChanged.partiesChanged(handle, agreement.id(), author);
            changed = true;
        }
        if (!themes.equals(currentThemes)) {
            store.setThemes(handle, agreement.id(), themes);
            changed = true;
        }
        if (!Objects.equals(reviewDate, agreement.reviewDate())) {
            store.setReviewDate(handle, agreement.id(), reviewDate);
            changed = true;
        }
        if (changed) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("parties", List.copyOf(parties));
            details.put("themes", List.copyOf(themes));
            details.put("reviewDate", reviewDate == null ? "" : reviewDate.toString());
            audit.record(handle, author, "agreement.details", "agreement:" + agreement.id(), agreement.koppelzone().id(), details);
        }
        return changed;
    }

    private static Set<String> normalised(Set<String> themes) {
        Set<String> result = new LinkedHashSet<>();
        themes.forEach(theme -> {
            String clean = AgreementInput.normaliseTheme(theme);
            if (!clean.isEmpty()) {
                result.add(clean);
            }
        });
        return result;
    }

    /** current + (mine - base) - (base - mine): my additions and removals on top of the current set. */
    private static Set<String> mergeSets(Set<String> base, Set<String> mine, Set<String> current) {
        Set<String> result = new TreeSet<>(current);
        mine.stream().filter(value -> !base.contains(value)).forEach(result::add);
        base.stream().filter(value -> !mine.contains(value)).forEach(result::remove);
        return result;
    }

    List<Long> partyIds(Handle handle, Koppelzone koppelzone, Set<String> slugs, List<FieldError> errors) {
        if (slugs.isEmpty()) {
            errors.add(new FieldError("parties", "error.parties.required"));
            return List.of();
        }
        Map<String, Long> members = new LinkedHashMap<>();
        for (Party party : koppelzones.parties(handle, koppelzone.id())) {
            members.put(party.organisation().slug(), party.organisation().id());
        }
        List<Long> ids = new ArrayList<>();
        for (String slug : slugs) {
            Long organisationId = members.get(slug);
            if (organisationId == null) {
                errors.add(new FieldError("parties", "error.parties.notInKoppelzone", slug, koppelzone.name()));
                return List.of();
            }
            ids.add(organisationId);
        }
        return ids;
    }
}
