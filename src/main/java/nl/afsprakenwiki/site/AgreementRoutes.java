package nl.afsprakenwiki.site;

import static nl.afsprakenwiki.redaction.WholeRedactions.Text.EXPERIENCE;
import static nl.afsprakenwiki.redaction.WholeRedactions.Text.REMARK;
import static nl.afsprakenwiki.site.Rule.ACKNOWLEDGE;
import static nl.afsprakenwiki.site.Rule.ADOPT;
import static nl.afsprakenwiki.site.Rule.COMMENT;
import static nl.afsprakenwiki.site.Rule.CONFIRM_REMARK;
import static nl.afsprakenwiki.site.Rule.EDIT;
import static nl.afsprakenwiki.site.Rule.ENDORSE;
import static nl.afsprakenwiki.site.Rule.FOLLOW;
import static nl.afsprakenwiki.site.Rule.MODERATE_EXPERIENCES;
import static nl.afsprakenwiki.site.Rule.PROPOSE;
import static nl.afsprakenwiki.site.Rule.READ_AGREEMENT;
import static nl.afsprakenwiki.site.Rule.READ_DISCUSSION;
import static nl.afsprakenwiki.site.Rule.REDACT;
import static nl.afsprakenwiki.site.Rule.RESTORE;
import static nl.afsprakenwiki.site.Rule.RETIRE;
import static nl.afsprakenwiki.site.Rule.SCHEDULE_REVIEW;
import static nl.afsprakenwiki.site.Rule.SHARE_EXPERIENCE;

/**
 * The route table's part for one agreement, under {@code /afspraken/{id}}: reading, editing, endorsement,
 * adoption, following, experiences, discussion, attachments and redaction. The handlers are those of {@link Routes}.
 */
final class AgreementRoutes {

    private AgreementRoutes() {
    }

    static void addTo(RouteTable r, Routes h) {
        // reading
        r.get("", h.pages().forVisitors(h.agreementPages()::show), READ_AGREEMENT);
        r.get("/geschiedenis", h.pages().forVisitors(h.agreementPages()::history), READ_AGREEMENT);
        r.get("/revisies/{number}", h.agreementPages()::showRevision, READ_AGREEMENT);
        r.get("/vergelijk", h.agreementPages()::compare, READ_AGREEMENT);
        r.get("/bekrachtigingen", h.lifecyclePages()::rounds, READ_AGREEMENT);
        r.post("/bekrachtigingen/{decision}/bevestigen", h.lifecyclePages()::confirmRemark, CONFIRM_REMARK);
        r.get("/familie", h.adoptionPages()::family, READ_AGREEMENT);
        r.get("/bronvoorstellen", h.proposalPages()::incoming, READ_AGREEMENT);
        r.get("/feed.atom", h.pages().forVisitors(h.feeds()::agreement), READ_AGREEMENT);
        // writing
        r.get("/bewerken", h.agreementPages()::editForm, EDIT);
        r.post("/bewerken", h.agreementPages()::save, EDIT);
        r.post("/conflict-oplossen", h.agreementPages()::resolveConflict, EDIT);
        r.post("/herstel", h.agreementPages()::restore, RESTORE);
        // endorsement lifecycle and maintenance (docs/PERMISSIONS.md)
        r.get("/voorstellen", h.lifecyclePages()::proposeForm, PROPOSE);
        r.post("/voorstellen", h.lifecyclePages()::propose, PROPOSE);
        r.post("/besluit", h.inboxPages()::decide, ENDORSE);
        r.get("/intrekken", h.lifecyclePages()::withdrawForm, RETIRE);
        r.post("/intrekken", h.lifecyclePages()::withdraw, RETIRE);
        r.get("/laten-vervallen", h.lifecyclePages()::retireForm, RETIRE);
        r.post("/laten-vervallen", h.lifecyclePages()::retire, RETIRE);
        r.get("/herzieningsdatum", h.lifecyclePages()::reviewDateForm, SCHEDULE_REVIEW);
        r.post("/herzieningsdatum", h.lifecyclePages()::reviewDate, SCHEDULE_REVIEW);
        r.post("/kennisname", h.overviewPages()::acknowledge, ACKNOWLEDGE);
        // adoption across municipalities
        r.get("/overnemen", h.adoptionPages()::adoptForm, ADOPT);
        r.post("/overnemen", h.adoptionPages()::adopt, ADOPT);
        r.get("/bron-bijwerken", h.adoptionPages()::upstream, EDIT);
        r.post("/bron-bijwerken", h.adoptionPages()::mergeUpstream, EDIT);
        r.post("/bron-bijwerken/opslaan", h.adoptionPages()::resolveUpstream, EDIT);
        r.post("/bron-bijwerken/negeren", h.adoptionPages()::dismissUpstream, EDIT);
        r.get("/voorstel-aan-bron", h.proposalPages()::proposeForm, EDIT);
        r.post("/voorstel-aan-bron", h.proposalPages()::propose, EDIT);
        r.post("/bronvoorstellen/{proposal}/aanvaarden", h.proposalPages()::accept, EDIT);
        r.post("/bronvoorstellen/{proposal}/afwijzen", h.proposalPages()::decline, EDIT);
        // following (docs/PERMISSIONS.md: anyone signed in who may read it)
        r.post("/volgen", h.followPages()::followAgreement, FOLLOW);
        r.post("/niet-meer-volgen", h.followPages()::unfollowAgreement, FOLLOW);
        // experiences from elsewhere (ervaringen; docs/PERMISSIONS.md)
        r.get("/ervaringen", h.experiencePages()::page, READ_AGREEMENT);
        r.post("/ervaringen", h.experiencePages()::add, SHARE_EXPERIENCE);
        r.post("/ervaringen/{experience}/verbergen", h.experiencePages()::hide, MODERATE_EXPERIENCES);
        r.post("/ervaringen/{experience}/tonen", h.experiencePages()::show, MODERATE_EXPERIENCES);
        // issue 17: its writer, the voorzitter or a beheerder confirms a possible personal data finding
        r.post("/ervaringen/{experience}/bevestigen", h.experiencePages()::confirm, SHARE_EXPERIENCE);
        // the agreement's contact (contactpersoon): not endorsed content, so whoever may edit names it
        r.get("/contactpersoon", h.contactPages()::form, EDIT);
        r.post("/contactpersoon", h.contactPages()::change, EDIT);
        // discussion inside the koppelzone (members only, docs/PERMISSIONS.md)
        r.get("/discussie", h.discussionPages()::show, READ_DISCUSSION);
        r.post("/discussie", h.discussionPages()::post, COMMENT);
        // attachments (issue 16): each change is a new revision; downloads per revision, as readable as the revision
        r.get("/bijlagen", h.attachmentPages()::manage, EDIT);
        r.post("/bijlagen", h.attachmentPages()::upload, EDIT);
        r.post("/bijlagen/{name}/verwijderen", h.attachmentPages()::remove, EDIT);
        r.getUnqueued("/revisies/{number}/bijlagen/{name}", h.attachmentPages()::download, READ_AGREEMENT);
        // redaction of personal data from history (issue 17; docs/PRIVACY.md): beheerder only
        r.get("/persoonsgegeven-verwijderen", h.redactionPages()::form, REDACT);
        r.post("/persoonsgegeven-verwijderen", h.redactionPages()::redact, REDACT);
        r.get("/opmerkingen/{comment}/persoonsgegevens-verwijderen", h.wholeRedactionPages()::commentForm, REDACT);
        r.post("/opmerkingen/{comment}/persoonsgegevens-verwijderen", h.wholeRedactionPages()::comment, REDACT);
        r.get("/ervaringen/{experience}/persoonsgegevens-verwijderen",
                h.wholeRedactionPages().agreementTextForm(EXPERIENCE, "experience", "/ervaringen"), REDACT);
        r.post("/ervaringen/{experience}/persoonsgegevens-verwijderen",
                h.wholeRedactionPages().agreementText(EXPERIENCE, "experience", "/ervaringen"), REDACT);
        r.get("/bekrachtigingen/{endorsement}/persoonsgegevens-verwijderen",
                h.wholeRedactionPages().agreementTextForm(REMARK, "endorsement", "/bekrachtigingen"), REDACT);
        r.post("/bekrachtigingen/{endorsement}/persoonsgegevens-verwijderen",
                h.wholeRedactionPages().agreementText(REMARK, "endorsement", "/bekrachtigingen"), REDACT);
    }
}
