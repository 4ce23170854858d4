package nl.afsprakenwiki.site;

import nl.afsprakenwiki.agreements.AgreementListItem;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.agreements.RecentGroup;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.Membership;
import nl.afsprakenwiki.koppelzones.Municipality;
import nl.afsprakenwiki.koppelzones.Party;

import nl.afsprakenwiki.web.Texts;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
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

    public record Home(List<MunicipalityGroup> municipalities, List<RecentGroup> recentChanges, int agreementCount,
                       boolean loggedOut) {

        /**
         * "3 wijzigingen door 2 personen, laatst 12 juni 2026" (or "1 wijziging door Marieke de Vries op …"):
         * plurals by the language's choice pattern, never "(s)".
         */
        public static String changes(RecentGroup group, Texts texts) {
            LocalDate day = group.latest().createdAt().atZone(DUTCH_TIME).toLocalDate();
            return new MessageFormat(texts.get("home.recent.changes"), Locale.forLanguageTag(texts.language()))
                    .format(new Object[]{group.changes(), group.people(), group.latest().authorName(), texts.date(day)});
        }
    }

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    /** The koppelzone page: its parties and its agreements grouped by status (in lifecycle order). */
    /**
     * @param following whether the signed-in viewer follows the koppelzone; null for a visitor
     * @param notice    the text key of a notice after following or no longer following, or null
     */
    public record Show(Koppelzone koppelzone, List<Party> parties, Map<AgreementStatus, List<AgreementListItem>> byStatus,
                       LocalDate today, List<Membership> members, boolean mayCreate, boolean mayManage, Boolean following,
                       String notice) {

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
