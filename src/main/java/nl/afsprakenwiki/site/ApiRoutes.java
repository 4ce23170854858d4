package nl.afsprakenwiki.site;

import nl.afsprakenwiki.redaction.WholeRedactions;
import static nl.afsprakenwiki.site.Rule.ACCOUNT;
import static nl.afsprakenwiki.site.Rule.ACKNOWLEDGE;
import static nl.afsprakenwiki.site.Rule.ADMINISTER;
import static nl.afsprakenwiki.site.Rule.CONFIRM_REMARK;
import static nl.afsprakenwiki.site.Rule.ADOPT;
import static nl.afsprakenwiki.site.Rule.COMMENT;
import static nl.afsprakenwiki.site.Rule.COMMENT_MEMBER;
import static nl.afsprakenwiki.site.Rule.CREATE;
import static nl.afsprakenwiki.site.Rule.EDIT;
import static nl.afsprakenwiki.site.Rule.ENDORSE;
import static nl.afsprakenwiki.site.Rule.FOLLOW;
import static nl.afsprakenwiki.site.Rule.FOLLOW_KOPPELZONE;
import static nl.afsprakenwiki.site.Rule.MANAGE_KOPPELZONE;
import static nl.afsprakenwiki.site.Rule.MEETING_MEMBER;
import static nl.afsprakenwiki.site.Rule.MEMBER;
import static nl.afsprakenwiki.site.Rule.MODERATE_EXPERIENCES;
import static nl.afsprakenwiki.site.Rule.PLAN_MEETINGS;
import static nl.afsprakenwiki.site.Rule.PROPOSE;
import static nl.afsprakenwiki.site.Rule.PUBLIC;
import static nl.afsprakenwiki.site.Rule.READ_AGREEMENT;
import static nl.afsprakenwiki.site.Rule.READ_DISCUSSION;
import static nl.afsprakenwiki.site.Rule.READ_KOPPELZONE;
import static nl.afsprakenwiki.site.Rule.REDACT;
import static nl.afsprakenwiki.site.Rule.REDACT_MEETING;
import static nl.afsprakenwiki.site.Rule.RESTORE;
import static nl.afsprakenwiki.site.Rule.RETIRE;
import static nl.afsprakenwiki.site.Rule.RUN_MEETING;
import static nl.afsprakenwiki.site.Rule.SCHEDULE_REVIEW;
import static nl.afsprakenwiki.site.Rule.SHARE_EXPERIENCE;
import static nl.afsprakenwiki.site.Rule.REPORT_LEAK;
import static nl.afsprakenwiki.site.Rule.READ_LEAK;
import static nl.afsprakenwiki.site.Rule.DECIDE_LEAK;
import static nl.afsprakenwiki.site.Rule.REDACT_LEAK;

/**
 * The JSON API's part of the route table (docs/API.md; described in src/main/resources/openapi.yaml,
 * which OpenApiTest holds to this table), under {@code /api/v1}. The handlers are those of {@link Routes}.
 */
final class ApiRoutes {

    private ApiRoutes() {
    }

    static void addTo(RouteTable r, Routes h) {
        r.get("/openapi.json", h.apiDocs()::document, PUBLIC);
        r.getUnqueued("/health", h.site()::health, PUBLIC);
        r.get("/me", h.accountApi()::me, ACCOUNT);
        r.get("/me/pending", h.lifecycleApi()::pending, ACCOUNT);
        r.get("/me/follows", h.followApi()::list, ACCOUNT);
        r.get("/me/notifications", h.preferenceApi()::show, ACCOUNT);
        r.put("/me/notifications", h.preferenceApi()::change, ACCOUNT);
        r.put("/themes/{theme}/follow", h.followApi()::followTheme, ACCOUNT);
        r.delete("/themes/{theme}/follow", h.followApi()::unfollowTheme, ACCOUNT);
        r.get("/search", h.searchApi()::search, PUBLIC);
        r.get("/search/suggest", h.searchApi()::suggest, PUBLIC);
        r.get("/compare", h.comparePages()::api, PUBLIC);
        r.get("/templates", h.templateApi()::list, PUBLIC);
        // what spreads nationally (issue 18): the numbers of /landelijk, from public data only
        r.get("/spread", h.spreadPages()::api, PUBLIC);
        r.post("/municipalities", h.koppelzoneAdminApi()::createMunicipality, ADMINISTER);
        r.post("/organisations", h.koppelzoneAdminApi()::createOrganisation, ADMINISTER);
        r.put("/organisations/{slug}", h.koppelzoneAdminApi()::updateOrganisation, ADMINISTER);
        r.get("/organisations/{slug}/agreements", h.organisationPages()::api, PUBLIC);
        r.get("/koppelzones", h.koppelzoneApi()::list, PUBLIC);
        r.post("/koppelzones", h.koppelzoneAdminApi()::createKoppelzone, ADMINISTER);
        r.path("/koppelzones/{slug}", () -> {
            r.get("", h.koppelzoneApi()::show, READ_KOPPELZONE);
            r.get("/chain", h.chainApi()::show, READ_KOPPELZONE);
            r.get("/health", h.healthApi()::show, MEMBER);
            r.post("/agreements", h.agreementApi()::create, CREATE);
            r.post("/parties", h.koppelzoneAdminApi()::addParty, MANAGE_KOPPELZONE);
            r.delete("/parties/{organisation}", h.koppelzoneAdminApi()::removeParty, MANAGE_KOPPELZONE);
            r.get("/members", h.koppelzoneAdminApi()::members, MEMBER);
            r.post("/members", h.koppelzoneAdminApi()::setMember, MANAGE_KOPPELZONE);
            r.delete("/members/{username}", h.koppelzoneAdminApi()::removeMember, MANAGE_KOPPELZONE);
            r.post("/meetings", h.meetingApi()::plan, PLAN_MEETINGS);
            r.get("/meetings", h.meetingApi()::list, MEMBER);
            r.get("/leaks", h.leakApi()::list, REPORT_LEAK);
            r.post("/leaks", h.leakApi()::report, REPORT_LEAK);
            r.put("/follow", h.followApi()::followKoppelzone, FOLLOW_KOPPELZONE);
            r.delete("/follow", h.followApi()::unfollowKoppelzone, FOLLOW_KOPPELZONE);
        });
        r.get("/agreements", h.agreementApi()::list, PUBLIC);
        r.path("/agreements/{id}", () -> {
            r.get("", h.agreementApi()::show, READ_AGREEMENT);
            r.put("", h.agreementApi()::update, EDIT);
            r.get("/revisions", h.agreementApi()::revisions, READ_AGREEMENT);
            r.get("/revisions/{number}", h.agreementApi()::revision, READ_AGREEMENT);
            r.get("/diff", h.agreementApi()::diff, READ_AGREEMENT);
            r.post("/restore", h.agreementApi()::restore, RESTORE);
            // issue 17: confirm that privacy findings of a revision are no personal data
            r.post("/revisions/{number}/privacy-confirmations", h.agreementApi()::confirmPrivacy, EDIT);
            r.post("/proposals", h.lifecycleApi()::propose, PROPOSE);
            r.post("/proposals/withdraw", h.lifecycleApi()::withdraw, RETIRE);
            r.post("/retire", h.lifecycleApi()::retire, RETIRE);
            r.put("/review-date", h.lifecycleApi()::reviewDate, SCHEDULE_REVIEW);
            r.get("/endorsements", h.lifecycleApi()::endorsements, READ_AGREEMENT);
            r.post("/endorsements", h.lifecycleApi()::decide, ENDORSE);
            r.post("/endorsements/{decision}/privacy-confirmations", h.lifecycleApi()::confirmRemark, CONFIRM_REMARK);
            r.post("/acknowledgements", h.lifecycleApi()::acknowledge, ACKNOWLEDGE);
            r.post("/adopt", h.adoptionApi()::adopt, ADOPT);
            r.get("/lineage", h.adoptionApi()::lineage, READ_AGREEMENT);
            r.get("/upstream", h.adoptionApi()::upstream, READ_AGREEMENT);
            r.post("/upstream/merge", h.adoptionApi()::merge, EDIT);
            r.post("/upstream/dismiss", h.adoptionApi()::dismiss, EDIT);
            r.get("/source-proposals", h.adoptionApi()::listProposals, READ_AGREEMENT);
            r.post("/source-proposals", h.adoptionApi()::proposeBack, EDIT);
            r.post("/source-proposals/{proposal}/accept", h.adoptionApi()::accept, EDIT);
            r.post("/source-proposals/{proposal}/decline", h.adoptionApi()::decline, EDIT);
            r.put("/follow", h.followApi()::followAgreement, FOLLOW);
            r.delete("/follow", h.followApi()::unfollowAgreement, FOLLOW);
            r.get("/experiences", h.experienceApi()::list, READ_AGREEMENT);
            r.post("/experiences", h.experienceApi()::add, SHARE_EXPERIENCE);
            r.post("/experiences/{experience}/hide", h.experienceApi()::hide, MODERATE_EXPERIENCES);
            r.post("/experiences/{experience}/unhide", h.experienceApi()::show, MODERATE_EXPERIENCES);
            r.post("/experiences/{experience}/privacy-confirmations", h.experienceApi()::confirm, SHARE_EXPERIENCE);
            r.put("/contact", h.contactApi()::change, EDIT);
            r.get("/comments", h.discussionApi()::list, READ_DISCUSSION);
            r.post("/comments", h.discussionApi()::post, COMMENT);
            r.get("/attachments", h.attachmentApi()::list, READ_AGREEMENT);
            r.post("/attachments", h.attachmentApi()::upload, EDIT);
            r.delete("/attachments/{name}", h.attachmentApi()::remove, EDIT);
            r.getUnqueued("/revisions/{number}/attachments/{name}", h.attachmentApi()::download, READ_AGREEMENT);
            r.post("/revisions/{number}/redactions", h.redactionApi()::redact, REDACT);
            r.post("/comments/{comment}/redaction", h.wholeRedactionApi()::comment, REDACT);
            r.post("/experiences/{experience}/redaction",
                    h.wholeRedactionApi().agreementText(WholeRedactions.Text.EXPERIENCE, "experience"), REDACT);
            r.post("/endorsements/{endorsement}/redaction",
                    h.wholeRedactionApi().agreementText(WholeRedactions.Text.REMARK, "endorsement"), REDACT);
        });
        r.path("/leaks/{leak}", () -> {
            r.get("", h.leakApi()::show, READ_LEAK);
            r.patch("", h.leakApi()::change, DECIDE_LEAK);
            r.post("/redaction", h.wholeRedactionApi()::leakField, REDACT_LEAK);
            r.post("/comments/{comment}/redaction", h.wholeRedactionApi()::leakComment, REDACT_LEAK);
        });
        r.path("/comments/{comment}", () -> {
            r.put("", h.discussionApi()::edit, COMMENT_MEMBER);
            r.post("/resolve", h.discussionApi()::resolve, COMMENT_MEMBER);
            r.post("/reopen", h.discussionApi()::reopen, COMMENT_MEMBER);
        });
        r.path("/meetings/{meeting}", () -> {
            r.get("", h.meetingApi()::show, MEETING_MEMBER);
            r.put("", h.meetingApi()::change, RUN_MEETING);
            r.post("/cancel", h.meetingApi()::cancel, RUN_MEETING);
            r.get("/decisions", h.meetingApi()::decisions, MEETING_MEMBER);
            r.post("/decisions", h.meetingApi()::decide, RUN_MEETING);
            r.get("/action-items", h.meetingApi()::actions, MEETING_MEMBER);
            r.post("/action-items", h.meetingApi()::addAction, RUN_MEETING);
            r.post("/items", h.meetingApi()::addTopic, RUN_MEETING);
            r.put("/action-items/{action}", h.meetingApi()::actionStatus, RUN_MEETING);
            r.post("/close", h.meetingApi()::close, RUN_MEETING);
            r.post("/items/{item}/minutes/redaction", h.wholeRedactionApi()::minutes, REDACT_MEETING);
            r.post("/items/{item}/leak", h.meetingApi()::decideLeak, RUN_MEETING);
            r.post("/decisions/{decision}/redaction",
                    h.wholeRedactionApi().meetingText(WholeRedactions.Text.DECISION, "decision"), REDACT_MEETING);
            r.post("/actions/{action}/redaction",
                    h.wholeRedactionApi().meetingText(WholeRedactions.Text.ACTION, "action"), REDACT_MEETING);
        });
    }
}
