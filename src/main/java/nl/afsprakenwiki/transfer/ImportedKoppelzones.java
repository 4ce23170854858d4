package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneLevel;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.koppelzones.Municipality;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.text.Slugs;
import nl.afsprakenwiki.transfer.ImportSet.AgreementSpec;
import nl.afsprakenwiki.transfer.ImportSet.KoppelzoneSpec;
import nl.afsprakenwiki.transfer.ImportSet.PartySpec;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The koppelzones of one {@link Importer} transaction: those its koppelzone files declare (with their
 * parties and chair), the one each agreement file names, and the agreement's parties added to it.
 * A disagreement with the database is added to the import's problems.
 */
final class ImportedKoppelzones {

    private final KoppelzoneStore koppelzones;
    private final Handle handle;
    private final LocalDate today;
    private final List<String> problems;
    private final KoppelzoneRefs<Koppelzone> declared = new KoppelzoneRefs<>();

    ImportedKoppelzones(KoppelzoneStore koppelzones, Handle handle, LocalDate today, List<String> problems) {
        this.koppelzones = koppelzones;
        this.handle = handle;
        this.today = today;
        this.problems = problems;
    }

    /** Creates or updates the koppelzone a koppelzone file declares; nothing if it exists in another municipality. */
    void declare(KoppelzoneSpec spec) {
        Municipality municipality = koppelzones.ensureMunicipality(handle, spec.municipality(), spec.jeugdregio());
        var existing = koppelzones.bySlug(handle, spec.slug());
        Koppelzone koppelzone;
        if (existing.isPresent()) {
            koppelzone = existing.get();
            if (koppelzone.municipality().id() != municipality.id()) {
                problems.add(spec.file() + ": koppelzone '" + spec.slug() + "' bestaat al bij gemeente "
                        + koppelzone.municipality().name());
                return;
            }
            koppelzones.updateKoppelzone(handle, koppelzone.id(), spec.level(), spec.description());
        } else {
            koppelzone = koppelzones.createKoppelzone(handle, spec.slug(), spec.name(), municipality, spec.level(),
                    spec.description());
        }
        for (PartySpec party : spec.parties()) {
            Organisation organisation = koppelzones.ensureOrganisation(handle, party.name(), party.effectiveKind());
            koppelzones.addParty(handle, koppelzone.id(), organisation.id(), party.joined() == null ? today : party.joined());
            if (spec.chair() != null && Slugs.of(spec.chair(), 120).equals(organisation.slug())) {
                koppelzones.setChair(handle, koppelzone.id(), organisation.id());
            }
        }
        declared.add(spec.slug(), spec.name(), koppelzone);
    }

    /**
     * The koppelzone an agreement file names: declared in this import, in the wiki, or else created (lokaal);
     * null if it belongs to another municipality than the file says.
     */
    Koppelzone of(AgreementSpec spec) {
        Koppelzone koppelzone = declared.find(spec.koppelzone())
                .or(() -> koppelzones.bySlugOrName(handle, spec.koppelzone())).orElse(null);
        String municipalitySlug = Slugs.of(spec.municipality(), 80);
        if (koppelzone == null) {
            Municipality municipality = koppelzones.ensureMunicipality(handle, spec.municipality(), null);
            koppelzone = koppelzones.createKoppelzone(handle, Slugs.of(spec.koppelzone(), 120), spec.koppelzone(),
                    municipality, KoppelzoneLevel.LOKAAL, "");
            declared.add(koppelzone.slug(), koppelzone.name(), koppelzone);
        } else if (!koppelzone.municipality().slug().equals(municipalitySlug)) {
            problems.add(spec.file() + ": koppelzone '" + koppelzone.name() + "' hoort bij gemeente "
                    + koppelzone.municipality().name() + ", niet bij " + spec.municipality());
            return null;
        }
        return koppelzone;
    }

    /** Adds the agreement's parties to its koppelzone, joined at its first revision's date (or today); their ids. */
    List<Long> parties(Koppelzone koppelzone, AgreementSpec spec) {
        Instant firstDate = spec.revisions().get(0).date();
        LocalDate joined = firstDate == null ? today : LocalDate.ofInstant(firstDate, ZoneOffset.UTC);
        List<Long> parties = new ArrayList<>();
        for (PartySpec party : spec.parties()) {
            Organisation organisation = koppelzones.ensureOrganisation(handle, party.name(), party.effectiveKind());
            koppelzones.addParty(handle, koppelzone.id(), organisation.id(), joined);
            parties.add(organisation.id());
        }
        return parties;
    }
}
