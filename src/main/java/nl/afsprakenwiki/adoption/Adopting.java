package nl.afsprakenwiki.adoption;

import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.adoption.Adoptions.PartyChoice;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementEditing;
import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.agreements.AgreementPrivacy;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.Party;
import nl.afsprakenwiki.privacy.PersonalDataFound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Adopting an endorsed agreement into another koppelzone: where to, which parties it gets there, and the copy itself. */
final class Adopting {

    /** The reason stored with confirmations carried over from the source of an adoption. */
    private static final String CONFIRMED_IN_SOURCE = "Bevestigd in de overgenomen afspraak";

    private final AdoptionStore store;
    private final AgreementService agreements;
    private final AgreementEditing editing;
    private final KoppelzoneService koppelzones;
    private final AuditLog audit;
    private final Clock clock;
    private final AgreementPrivacy privacy;

    Adopting(AdoptionStore store, AgreementService agreements, AgreementEditing editing, KoppelzoneService koppelzones,
             AuditLog audit, Clock clock, AgreementPrivacy privacy) {
        this.store = store;
        this.agreements = agreements;
        this.editing = editing;
        this.koppelzones = koppelzones;
        this.audit = audit;
        this.clock = clock;
        this.privacy = privacy;
    }

    /** The koppelzones where {@code viewer} may adopt {@code source} into: where they may create, not its own. */
    List<Koppelzone> targets(Agreement source, Viewer viewer) {
        if (!mayAdoptSomewhere(source, viewer)) {
            return List.of();
        }
        return koppelzones.allWithParties().stream().map(KoppelzoneService.Details::koppelzone)
                .filter(k -> k.id() != source.koppelzone().id())
                .filter(k -> viewer.roleIn(k.id()).isPresent() || viewer.admin())
                .filter(k -> viewer.can(Permission.CREATE, k.id())).toList();
    }

    /** Cheap enough for every agreement page: from the viewer's roles alone, without reading koppelzones. */
    boolean mayAdoptSomewhere(Agreement source, Viewer viewer) {
        if (!viewer.authenticated() || !source.published()) {
            return false;
        }
        if (viewer.admin()) {
            return koppelzones.count() > 1;
        }
        return viewer.roles().keySet().stream()
                .anyMatch(id -> id != source.koppelzone().id() && viewer.can(Permission.CREATE, id));
    }

    /**
     * For each party of the source, the target koppelzone's parties to choose from, proposing the
     * same organisation when it takes part there, else the first of the same kind.
     */
    List<PartyChoice> partyChoices(Agreement source, Koppelzone target) {
        List<Organisation> options = koppelzones.details(target.slug()).orElseThrow().parties().stream()
                .map(Party::organisation).toList();
        List<PartyChoice> choices = new ArrayList<>();
        for (Organisation party : source.parties()) {
            String proposed = options.stream().filter(o -> o.id() == party.id()).findFirst()
                    .or(() -> options.stream().filter(o -> o.kind() == party.kind()).findFirst())
                    .map(Organisation::slug).orElse("");
            choices.add(new PartyChoice(party, options, proposed));
        }
        return choices;
    }

    /**
     * Adopts the endorsed revision of {@code sourceId} into the koppelzone {@code targetSlug}.
     *
     * @param mapping per source party (slug) the target organisation (slug), "" to leave it out;
     *                parties not in the map get the proposed choice
     * @return the new agreement's first revision
     */
    Revision adopt(long sourceId, String targetSlug, Map<String, String> mapping, Viewer viewer) {
        Agreement source = agreements.find(sourceId, viewer).orElseThrow(() -> new NotFound("agreement"));
        if (!source.published()) {
            throw Refused.conflict("refused.adoptDraft");
        }
        Koppelzone target = targetSlug == null || targetSlug.isBlank() ? null : koppelzones.bySlug(targetSlug.strip()).orElse(null);
        if (target == null) {
            throw new InvalidInput("koppelzone", "error.adopt.koppelzone");
        }
        if (target.id() == source.koppelzone().id()) {
            throw Refused.conflict("refused.adoptSameKoppelzone");
        }
        if (!viewer.can(Permission.CREATE, target.id())) {
            throw Refused.forbidden("refused.adoptNoRights", target.name());
        }
        Set<String> parties = new LinkedHashSet<>();
        for (PartyChoice choice : partyChoices(source, target)) {
            String chosen = mapping.getOrDefault(choice.source().slug(), choice.proposed());
            if (chosen != null && !chosen.isBlank()) {
                parties.add(chosen.strip());
            }
        }
        Revision endorsed = agreements.version(sourceId, source.endorsedRevision(), viewer).orElseThrow().revision();
        String summary = Adoptions.summary("Overgenomen van " + source.koppelzone().name() + " ("
                + source.koppelzone().municipality().name() + "), revisie " + endorsed.number());
        // issue 17: a copy is only made of text whose privacy findings were all fixed or confirmed;
        // the confirmations travel with it, so the copy's first revision needs none of its own
        privacy.refuseIfUnconfirmed(sourceId, endorsed.number(), PersonalDataFound.Reason.ADOPT);
        var draft = new AgreementInput.Draft(endorsed.title(), endorsed.body(),
                new AgreementInput.Details(parties, new LinkedHashSet<>(source.themes()), null), summary,
                new AgreementInput.Acceptance(carried(sourceId, endorsed, source, target), CONFIRMED_IN_SOURCE));
        // the first revision includes the files of the endorsed source revision (stored once, by content)
        return editing.create(target.id(), draft, agreements.attachments(endorsed), viewer.author(), (handle, revision) -> {
            store.insert(handle, revision.agreementId(), sourceId, endorsed.number(), viewer.author(), clock.instant());
            audit.record(handle, viewer.author(), "agreement.adopt", "agreement:" + revision.agreementId(), target.id(),
                    Map.of("source", sourceId, "sourceRevision", endorsed.number(), "sha256", endorsed.sha256()));
        });
    }

    /**
     * What the copy carries as confirmed: the source's confirmations and the listed numbers and domains
     * of the source's parties (issue 17), which the copy is checked against with the target's parties.
     */
    private Set<String> carried(long sourceId, Revision endorsed, Agreement source, Koppelzone target) {
        Set<String> carried = new HashSet<>(privacy.confirmed(sourceId, endorsed.number()));
        carried.addAll(privacy.listedOnlyInSource(endorsed, source.koppelzone().id(), target.id()));
        return carried;
    }
}
