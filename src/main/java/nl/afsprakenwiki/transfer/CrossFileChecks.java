package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.koppelzones.OrganisationKind;
import nl.afsprakenwiki.text.Slugs;
import nl.afsprakenwiki.transfer.ImportSet.AgreementSpec;
import nl.afsprakenwiki.transfer.ImportSet.KoppelzoneSpec;
import nl.afsprakenwiki.transfer.ImportSet.PartySpec;
import nl.afsprakenwiki.transfer.ImportSet.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that need every file of an import at once: a koppelzone described twice, a chair that is
 * not a party, an agreement in a koppelzone of another municipality, the same agreement twice, and
 * one organisation given different kinds.
 */
final class CrossFileChecks {

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> check(List<KoppelzoneSpec> koppelzones, List<AgreementSpec> agreements) {
        KoppelzoneRefs<KoppelzoneSpec> declared = new KoppelzoneRefs<>();
        for (KoppelzoneSpec koppelzone : koppelzones) {
            declared.add(koppelzone.slug(), koppelzone.name(), koppelzone).ifPresent(earlier ->
                    problems.add(new Problem(koppelzone.file(), 0, "koppelzone '" + koppelzone.name()
                            + "' (slug " + koppelzone.slug() + ") is ook beschreven in " + earlier.file())));
            if (koppelzone.chair() != null && koppelzone.parties().stream()
                    .noneMatch(p -> Slugs.of(p.name(), 120).equals(Slugs.of(koppelzone.chair(), 120)))) {
                problems.add(new Problem(koppelzone.file(), 0, "voorzitter '" + koppelzone.chair()
                        + "' staat niet bij de partijen"));
            }
        }
        Map<String, String> agreementFiles = new HashMap<>();
        Map<String, OrganisationKind> kinds = new HashMap<>();
        Map<String, String> kindSource = new HashMap<>();
        for (KoppelzoneSpec koppelzone : koppelzones) {
            koppelzone.parties().forEach(p -> checkKind(p, koppelzone.file(), kinds, kindSource));
        }
        for (AgreementSpec agreement : agreements) {
            KoppelzoneSpec koppelzone = declared.find(agreement.koppelzone()).orElse(null);
            String koppelzoneKey = koppelzone != null ? koppelzone.slug() : Slugs.of(agreement.koppelzone(), 120);
            if (koppelzone != null && !Slugs.of(koppelzone.municipality(), 80).equals(Slugs.of(agreement.municipality(), 80))) {
                problems.add(new Problem(agreement.file(), 0, "koppelzone '" + koppelzone.name() + "' hoort bij "
                        + koppelzone.municipality() + ", niet bij " + agreement.municipality()));
            }
            String earlier = agreementFiles.putIfAbsent(koppelzoneKey + "/" + agreement.slug(), agreement.file());
            if (earlier != null) {
                problems.add(new Problem(agreement.file(), 0, "dezelfde afspraak (slug '" + agreement.slug()
                        + "') staat ook in " + earlier));
            }
            agreement.parties().forEach(p -> checkKind(p, agreement.file(), kinds, kindSource));
        }
        return problems;
    }

    private void checkKind(PartySpec party, String file, Map<String, OrganisationKind> kinds, Map<String, String> sources) {
        if (party.kind() == null) {
            return;
        }
        String slug = Slugs.of(party.name(), 120);
        OrganisationKind earlier = kinds.putIfAbsent(slug, party.kind());
        if (earlier != null && earlier != party.kind()) {
            problems.add(new Problem(file, 0, "organisatie '" + party.name() + "' heeft hier soort " + party.kind().code()
                    + ", maar in " + sources.get(slug) + " " + earlier.code()));
        } else {
            sources.putIfAbsent(slug, file);
        }
    }
}
