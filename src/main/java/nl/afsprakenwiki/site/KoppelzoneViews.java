package nl.afsprakenwiki.site;

import nl.afsprakenwiki.agreements.AgreementListItem;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.agreements.RecentChange;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.Membership;
import nl.afsprakenwiki.koppelzones.Municipality;
import nl.afsprakenwiki.koppelzones.Party;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** View models of the home and koppelzone pages. */
public final class KoppelzoneViews {

    private KoppelzoneViews() {
    }

    /** A koppelzone on the home page, with how many agreements it holds. */
    public record KoppelzoneCard(Koppelzone koppelzone, int agreements, int parties) {
    }

    public record MunicipalityGroup(Municipality municipality, List<KoppelzoneCard> koppelzones) {
    }

    public record Home(List<MunicipalityGroup> municipalities, List<RecentChange> recentChanges, int agreementCount,
                       boolean loggedOut) {
    }

    /** The koppelzone page: its parties and its agreements grouped by status (in lifecycle order). */
    public record Show(Koppelzone koppelzone, List<Party> parties, Map<AgreementStatus, List<AgreementListItem>> byStatus,
                       LocalDate today, List<Membership> members, boolean mayCreate, boolean mayManage) {

        /** Sections in the order a visitor looks for them: what holds, what is pending, drafts, retired. */
        public List<Section> sections() {
            return ORDER.stream().map(status -> new Section(status, byStatus.getOrDefault(status, List.of()))).toList();
        }

        public boolean reviewOverdue(AgreementListItem item) {
            return item.status() == AgreementStatus.BEKRACHTIGD && item.reviewDate() != null && item.reviewDate().isBefore(today);
        }

        public boolean isChair(Party party) {
            return koppelzone.chair() != null && koppelzone.chair().id() == party.organisation().id();
        }
    }

    public record Section(AgreementStatus status, List<AgreementListItem> items) {
    }

    private static final List<AgreementStatus> ORDER = List.of(AgreementStatus.BEKRACHTIGD,
            AgreementStatus.TER_BEKRACHTIGING, AgreementStatus.CONCEPT, AgreementStatus.VERVALLEN);
}
