package nl.afsprakenwiki.site;

import io.javalin.config.RoutesConfig;
import nl.afsprakenwiki.accounts.AccountApi;
import nl.afsprakenwiki.accounts.ProfilePages;
import nl.afsprakenwiki.admin.AccountAdminPages;
import nl.afsprakenwiki.admin.AdminPages;
import nl.afsprakenwiki.admin.AuditPages;
import nl.afsprakenwiki.admin.RegisterPages;
import nl.afsprakenwiki.adoption.AdoptionApi;
import nl.afsprakenwiki.adoption.AdoptionPages;
import nl.afsprakenwiki.adoption.SourceProposalPages;
import nl.afsprakenwiki.adoption.SpreadPages;
import nl.afsprakenwiki.agreements.AgreementApi;
import nl.afsprakenwiki.agreements.AgreementComparePages;
import nl.afsprakenwiki.agreements.AgreementPages;
import nl.afsprakenwiki.agreements.ContactApi;
import nl.afsprakenwiki.agreements.ContactPages;
import nl.afsprakenwiki.attachments.AttachmentApi;
import nl.afsprakenwiki.attachments.AttachmentPages;
import nl.afsprakenwiki.auth.SignInPages;
import nl.afsprakenwiki.chain.ChainApi;
import nl.afsprakenwiki.chain.ChainPages;
import nl.afsprakenwiki.health.HealthApi;
import nl.afsprakenwiki.health.HealthPages;
import nl.afsprakenwiki.discussion.DiscussionApi;
import nl.afsprakenwiki.discussion.DiscussionPages;
import nl.afsprakenwiki.endorsements.Feeds;
import nl.afsprakenwiki.endorsements.InboxPages;
import nl.afsprakenwiki.endorsements.LifecycleApi;
import nl.afsprakenwiki.endorsements.LifecyclePages;
import nl.afsprakenwiki.endorsements.OverviewPages;
import nl.afsprakenwiki.experiences.ExperienceApi;
import nl.afsprakenwiki.experiences.ExperiencePages;
import nl.afsprakenwiki.following.FollowApi;
import nl.afsprakenwiki.following.FollowPages;
import nl.afsprakenwiki.koppelzones.KoppelzoneAdminApi;
import nl.afsprakenwiki.koppelzones.KoppelzoneApi;
import nl.afsprakenwiki.koppelzones.KoppelzoneManagePages;
import nl.afsprakenwiki.meetings.MeetingApi;
import nl.afsprakenwiki.meetings.MeetingPages;
import nl.afsprakenwiki.preferences.PreferenceApi;
import nl.afsprakenwiki.preferences.PreferencePages;
import nl.afsprakenwiki.redaction.RedactionApi;
import nl.afsprakenwiki.redaction.RedactionPages;
import nl.afsprakenwiki.redaction.FindingPages;
import nl.afsprakenwiki.redaction.WholeRedactionPages;
import static nl.afsprakenwiki.redaction.WholeRedactions.Text.ACTION;
import static nl.afsprakenwiki.redaction.WholeRedactions.Text.DECISION;
import nl.afsprakenwiki.redaction.WholeRedactionApi;
import nl.afsprakenwiki.search.SearchApi;
import nl.afsprakenwiki.search.SearchPages;
import nl.afsprakenwiki.templates.TemplateApi;
import nl.afsprakenwiki.leaks.LeakApi;
import nl.afsprakenwiki.leaks.LeakPages;
import nl.afsprakenwiki.templates.TemplatePages;

import static nl.afsprakenwiki.site.Rule.ACCOUNT;
import static nl.afsprakenwiki.site.Rule.ADMINISTER;
import static nl.afsprakenwiki.site.Rule.REVIEW_PRIVACY;
import static nl.afsprakenwiki.site.Rule.COMMENT_MEMBER;
import static nl.afsprakenwiki.site.Rule.CREATE;
import static nl.afsprakenwiki.site.Rule.FOLLOW_KOPPELZONE;
import static nl.afsprakenwiki.site.Rule.MANAGE_KOPPELZONE;
import static nl.afsprakenwiki.site.Rule.MEETING_MEMBER;
import static nl.afsprakenwiki.site.Rule.MEMBER;
import static nl.afsprakenwiki.site.Rule.PLAN_MEETINGS;
import static nl.afsprakenwiki.site.Rule.PUBLIC;
import static nl.afsprakenwiki.site.Rule.READ_KOPPELZONE;
import static nl.afsprakenwiki.site.Rule.REDACT_MEETING;
import static nl.afsprakenwiki.site.Rule.RUN_MEETING;
import static nl.afsprakenwiki.site.Rule.REPORT_LEAK;
import static nl.afsprakenwiki.site.Rule.READ_LEAK;
import static nl.afsprakenwiki.site.Rule.LEAK_MEMBER;
import static nl.afsprakenwiki.site.Rule.DECIDE_LEAK;
import static nl.afsprakenwiki.site.Rule.REDACT_LEAK;

/**
 * Every route of the application with the rule it requires (see {@link Rule} and docs/PERMISSIONS.md).
 * Grouped per resource with {@link RouteTable#path}; one agreement's routes are in {@link AgreementRoutes}, the
 * JSON API's in {@link ApiRoutes}. Content that a visitor may not see answers 404 whatever the rule.
 */
public record Routes(SiteHandlers site, SignInPages signIn, ProfilePages profile, KoppelzonePages koppelzonePages,
                     KoppelzoneManagePages manage, KoppelzoneApi koppelzoneApi, KoppelzoneAdminApi koppelzoneAdminApi, AgreementPages agreementPages,
                     AgreementApi agreementApi, AccountApi accountApi, AdminPages admin, AccountAdminPages accountAdmin,
                     RegisterPages registers, AuditPages auditPages, SearchPages searchPages,
                     SearchApi searchApi, LifecyclePages lifecyclePages, InboxPages inboxPages,
                     OverviewPages overviewPages, LifecycleApi lifecycleApi, Feeds feeds,
                     OrganisationPages organisationPages, AgreementComparePages comparePages,
                     AdoptionPages adoptionPages, SourceProposalPages proposalPages, AdoptionApi adoptionApi,
                     MeetingPages meetingPages, MeetingApi meetingApi, ApiDocs apiDocs, StatementPages statements,
                     SiteFiles files, FollowPages followPages, FollowApi followApi, PreferencePages preferencePages,
                     PreferenceApi preferenceApi, ExperiencePages experiencePages, ExperienceApi experienceApi,
                     ContactPages contactPages, ContactApi contactApi, DiscussionPages discussionPages, DiscussionApi discussionApi,
                     TemplatePages templatePages, TemplateApi templateApi,
                     AttachmentPages attachmentPages, AttachmentApi attachmentApi,
                     RedactionPages redactionPages, RedactionApi redactionApi, WholeRedactionApi wholeRedactionApi,
                     FindingPages findingPages, WholeRedactionPages wholeRedactionPages,
                     LeakPages leakPages, LeakApi leakApi,
                     ChainPages chainPages, ChainApi chainApi, HealthPages healthPages, HealthApi healthApi,
                     SpreadPages spreadPages, PageCache pages) {

    /** The route table; see {@link RouteTable}. */
    public RouteTable table() {
        RouteTable r = new RouteTable();
        r.get("/", pages.forVisitors(koppelzonePages::home), PUBLIC);
        r.get("/taal/{language}", site::switchLanguage, PUBLIC);
        r.getUnqueued("/favicon.ico", files::favicon, PUBLIC);
        r.getUnqueued("/static/<path>", files::staticFile, PUBLIC);
        r.getUnqueued("/webjars/<path>", files::webjar, PUBLIC);
        r.get("/toegankelijkheid", statements::accessibility, PUBLIC);
        r.get("/privacy", statements::privacy, PUBLIC);
        r.get("/api", apiDocs::page, PUBLIC);
        r.get("/zoeken", searchPages::results, PUBLIC);
        r.get("/zoeken/suggesties", searchPages::suggestions, PUBLIC);
        r.get("/vergelijken", comparePages::compare, PUBLIC);
        r.get("/organisaties/{slug}", pages.forVisitors(organisationPages::show), PUBLIC);
        r.get("/feeds/bekrachtigd.atom", pages.forVisitors(feeds::national), PUBLIC);
        // what spreads nationally (issue 18): computed from public agreements and adoptions only
        r.get("/landelijk", pages.forVisitors(spreadPages::page), PUBLIC);
        r.post("/voorbeeld", agreementPages::preview, ACCOUNT);
        r.get("/ter-bekrachtiging", inboxPages::inbox, ACCOUNT);
        r.get("/mijn-overzicht", overviewPages::mine, ACCOUNT);

        r.path("/koppelzones/{slug}", () -> {
            r.get("", pages.forVisitors(koppelzonePages::show), READ_KOPPELZONE);
            r.get("/feed.atom", pages.forVisitors(feeds::koppelzone), READ_KOPPELZONE);
            // the koppelzone drawn as its chain of parties (issue 18); same visibility as the koppelzone page
            r.get("/keten", chainPages::show, READ_KOPPELZONE);
            // the health of its work in charts (issue 18): the series count drafts and leaks, so members and beheerders only
            r.get("/gezondheid", healthPages::show, MEMBER);
            r.get("/gezondheid/{reeks}.csv", healthPages::csv, MEMBER);
            r.get("/nieuw", agreementPages::newForm, CREATE);
            r.post("/afspraken", agreementPages::create, CREATE);
            r.get("/overzicht", overviewPages::koppelzone, MEMBER);
            r.get("/kennisname", overviewPages::applying, MEMBER);
            // management (voorzitter)
            r.get("/beheer", manage::manage, MANAGE_KOPPELZONE);
            r.post("/leden", manage::setMember, MANAGE_KOPPELZONE);
            r.post("/leden/{username}/verwijderen", manage::removeMember, MANAGE_KOPPELZONE);
            r.post("/partijen", manage::setParty, MANAGE_KOPPELZONE);
            r.post("/partijen/{organisation}/verwijderen", manage::removeParty, MANAGE_KOPPELZONE);
            r.get("/sjablonen", templatePages::list, MANAGE_KOPPELZONE);
            r.post("/sjablonen", templatePages::create, MANAGE_KOPPELZONE);
            r.get("/sjablonen/{template}", templatePages::edit, MANAGE_KOPPELZONE);
            r.post("/sjablonen/{template}", templatePages::save, MANAGE_KOPPELZONE);
            r.post("/sjablonen/{template}/intrekken", templatePages::retire, MANAGE_KOPPELZONE);
            // what looks like personal data in the koppelzone's texts (issue 17; docs/PRIVACY.md)
            r.get("/persoonsgegevens", findingPages::koppelzone, REVIEW_PRIVACY);
            // meetings (overleggen)
            r.get("/overleggen", meetingPages::list, MEMBER);
            r.get("/overleggen/nieuw", meetingPages::planForm, PLAN_MEETINGS);
            r.post("/overleggen", meetingPages::plan, PLAN_MEETINGS);
            // waardelekken (issue 18): the members' list and report form
            r.get("/waardelekken", leakPages::list, REPORT_LEAK);
            r.post("/waardelekken", leakPages::report, REPORT_LEAK);
            r.post("/volgen", followPages::followKoppelzone, FOLLOW_KOPPELZONE);
            r.post("/niet-meer-volgen", followPages::unfollowKoppelzone, FOLLOW_KOPPELZONE);
        });

        r.path("/afspraken/{id}", () -> AgreementRoutes.addTo(r, this));

        r.path("/waardelekken/{leak}", () -> {
            r.get("", leakPages::show, READ_LEAK);
            r.post("/opmerkingen", leakPages::comment, LEAK_MEMBER);
            r.post("/status", leakPages::status, DECIDE_LEAK);
            r.post("/publiceren", leakPages::publish, DECIDE_LEAK);
            // redaction of a whole field or comment (issue 17's redaction for the leaks; docs/PRIVACY.md)
            r.get("/{field}/persoonsgegevens-verwijderen", wholeRedactionPages::leakFieldForm, REDACT_LEAK);
            r.post("/{field}/persoonsgegevens-verwijderen", wholeRedactionPages::leakField, REDACT_LEAK);
            r.get("/opmerkingen/{comment}/persoonsgegevens-verwijderen", wholeRedactionPages::leakCommentForm, REDACT_LEAK);
            r.post("/opmerkingen/{comment}/persoonsgegevens-verwijderen", wholeRedactionPages::leakComment, REDACT_LEAK);
        });

        r.path("/opmerkingen/{comment}", () -> {
            r.get("/bewerken", discussionPages::editForm, COMMENT_MEMBER);
            r.post("/bewerken", discussionPages::edit, COMMENT_MEMBER);
            r.post("/afhandelen", discussionPages::resolve, COMMENT_MEMBER);
        });

        r.path("/overleggen/{meeting}", () -> {
            r.get("", meetingPages::show, MEETING_MEMBER);
            r.get("/uitnodiging.ics", meetingPages::ics, MEETING_MEMBER);
            r.get("/verslag.md", meetingPages::markdown, MEETING_MEMBER);
            r.post("/agenda", meetingPages::addItem, RUN_MEETING);
            r.post("/agenda/{item}/verwijderen", meetingPages::removeItem, RUN_MEETING);
            r.post("/agenda/{item}/verplaatsen", meetingPages::moveItem, RUN_MEETING);
            r.post("/agenda/{item}/notulen", meetingPages::minutes, RUN_MEETING);
            r.post("/agenda/{item}/besluit", meetingPages::decide, RUN_MEETING);
            r.post("/agenda/{item}/waardelek", meetingPages::decideLeak, RUN_MEETING);
            r.post("/aanwezigheid", meetingPages::presence, RUN_MEETING);
            r.post("/actiepunten", meetingPages::addAction, RUN_MEETING);
            r.post("/actiepunten/{action}/status", meetingPages::actionStatus, RUN_MEETING);
            r.get("/wijzigen", meetingPages.changes()::form, RUN_MEETING);
            r.post("/wijzigen", meetingPages.changes()::change, RUN_MEETING);
            r.post("/annuleren", meetingPages.changes()::cancel, RUN_MEETING);
            r.post("/sluiten", meetingPages::close, RUN_MEETING);
            r.get("/agenda/{item}/notulen-verwijderen", wholeRedactionPages::minutesForm, REDACT_MEETING);
            r.post("/agenda/{item}/notulen-verwijderen", wholeRedactionPages::minutes, REDACT_MEETING);
            r.get("/besluiten/{decision}/persoonsgegevens-verwijderen",
                    wholeRedactionPages.meetingTextForm(DECISION, "decision", "/besluiten"), REDACT_MEETING);
            r.post("/besluiten/{decision}/persoonsgegevens-verwijderen",
                    wholeRedactionPages.meetingText(DECISION, "decision", "/besluiten"), REDACT_MEETING);
            r.get("/actiepunten/{action}/persoonsgegevens-verwijderen",
                    wholeRedactionPages.meetingTextForm(ACTION, "action", "/actiepunten"), REDACT_MEETING);
            r.post("/actiepunten/{action}/persoonsgegevens-verwijderen",
                    wholeRedactionPages.meetingText(ACTION, "action", "/actiepunten"), REDACT_MEETING);
        });

        // signing in, own account
        r.get("/login", signIn::loginPage, PUBLIC);
        r.get("/login/sso", signIn::startSso, PUBLIC);
        r.get("/callback", signIn::callback, PUBLIC);
        r.post("/callback", signIn::callback, PUBLIC);
        r.post("/logout", signIn::logout, ACCOUNT);
        r.get("/setup/{token}", signIn::setupPage, PUBLIC);
        r.post("/setup/{token}", signIn::setup, PUBLIC);
        // one-click unsubscribe from a mail: the signed token is the authority (no sign-in, no CSRF; AccessFilter)
        r.get("/afmelden/{token}", preferencePages::confirm, PUBLIC);
        r.post("/afmelden/{token}", preferencePages::unsubscribe, PUBLIC);
        r.path("/profiel", () -> {
            r.get("", profile::show, ACCOUNT);
            r.post("/gegevens", profile::updateDetails, ACCOUNT);
            r.post("/wachtwoord", profile::changePassword, ACCOUNT);
            r.post("/tokens", profile::createToken, ACCOUNT);
            r.post("/tokens/{token}/intrekken", profile::revokeToken, ACCOUNT);
            r.post("/volgen", followPages::followTheme, ACCOUNT);
            r.post("/niet-meer-volgen", followPages::unfollow, ACCOUNT);
            r.post("/meldingen", preferencePages::save, ACCOUNT);
        });

        // administration (beheerder)
        r.path("/beheer", () -> {
            r.get("", admin::overview, ADMINISTER);
            r.post("/instellingen", admin::settings, ADMINISTER);
            r.post("/testbericht", admin::testMessage, ADMINISTER);
            r.get("/accounts", accountAdmin::accounts, ADMINISTER);
            r.post("/accounts", accountAdmin::createAccount, ADMINISTER);
            r.get("/accounts/{username}", accountAdmin::account, ADMINISTER);
            r.post("/accounts/{username}/status", accountAdmin::accountStatus, ADMINISTER);
            r.post("/accounts/{username}/gegevens", accountAdmin::updateAccount, ADMINISTER);
            r.post("/accounts/{username}/wachtwoord", accountAdmin::resetPassword, ADMINISTER);
            r.post("/accounts/{username}/tokens/{token}/intrekken", accountAdmin::revokeToken, ADMINISTER);
            r.get("/organisaties", registers::organisations, ADMINISTER);
            r.post("/organisaties", registers::createOrganisation, ADMINISTER);
            r.get("/organisaties/{slug}", registers::editOrganisation, ADMINISTER);
            r.post("/organisaties/{slug}", registers::updateOrganisation, ADMINISTER);
            r.get("/gemeenten", registers::municipalities, ADMINISTER);
            r.post("/gemeenten", registers::createMunicipality, ADMINISTER);
            r.get("/koppelzones", registers::koppelzones, ADMINISTER);
            r.post("/koppelzones", registers::createKoppelzone, ADMINISTER);
            r.post("/koppelzones/{slug}", registers::updateKoppelzone, ADMINISTER);
            r.get("/audit", auditPages::audit, ADMINISTER);
            r.get("/persoonsgegevens", findingPages::overview, ADMINISTER);
        });

        // JSON API: ApiRoutes (docs/API.md)
        r.path("/api/v1", () -> ApiRoutes.addTo(r, this));
        return r;
    }

    public void register(RoutesConfig config) {
        table().register(config);
    }
}
