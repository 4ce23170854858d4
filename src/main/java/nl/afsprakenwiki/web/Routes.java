package nl.afsprakenwiki.web;

import io.javalin.config.RoutesConfig;
import nl.afsprakenwiki.accounts.AccountApi;
import nl.afsprakenwiki.adoption.AdoptionApi;
import nl.afsprakenwiki.adoption.AdoptionPages;
import nl.afsprakenwiki.adoption.SourceProposalPages;
import nl.afsprakenwiki.accounts.ProfilePages;
import nl.afsprakenwiki.admin.AdminPages;
import nl.afsprakenwiki.agreements.AgreementApi;
import nl.afsprakenwiki.agreements.AgreementComparePages;
import nl.afsprakenwiki.agreements.AgreementPages;
import nl.afsprakenwiki.auth.SignInPages;
import nl.afsprakenwiki.endorsements.Feeds;
import nl.afsprakenwiki.endorsements.InboxPages;
import nl.afsprakenwiki.endorsements.LifecycleApi;
import nl.afsprakenwiki.endorsements.LifecyclePages;
import nl.afsprakenwiki.endorsements.OverviewPages;
import nl.afsprakenwiki.koppelzones.KoppelzoneAdminApi;
import nl.afsprakenwiki.koppelzones.KoppelzoneApi;
import nl.afsprakenwiki.koppelzones.KoppelzonePages;
import nl.afsprakenwiki.koppelzones.OrganisationPages;
import nl.afsprakenwiki.meetings.MeetingApi;
import nl.afsprakenwiki.meetings.MeetingPages;
import nl.afsprakenwiki.search.SearchApi;
import nl.afsprakenwiki.search.SearchPages;

import static nl.afsprakenwiki.web.Rule.ACCOUNT;
import static nl.afsprakenwiki.web.Rule.ACKNOWLEDGE;
import static nl.afsprakenwiki.web.Rule.ADOPT;
import static nl.afsprakenwiki.web.Rule.ENDORSE;
import static nl.afsprakenwiki.web.Rule.PROPOSE;
import static nl.afsprakenwiki.web.Rule.RETIRE;
import static nl.afsprakenwiki.web.Rule.RUN_MEETING;
import static nl.afsprakenwiki.web.Rule.SCHEDULE_REVIEW;
import static nl.afsprakenwiki.web.Rule.ADMINISTER;
import static nl.afsprakenwiki.web.Rule.CREATE;
import static nl.afsprakenwiki.web.Rule.EDIT;
import static nl.afsprakenwiki.web.Rule.MANAGE_KOPPELZONE;
import static nl.afsprakenwiki.web.Rule.MEETING_MEMBER;
import static nl.afsprakenwiki.web.Rule.MEMBER;
import static nl.afsprakenwiki.web.Rule.PLAN_MEETINGS;
import static nl.afsprakenwiki.web.Rule.PUBLIC;
import static nl.afsprakenwiki.web.Rule.RESTORE;

/**
 * Every route of the application with the rule it requires (see {@link Rule} and docs/PERMISSIONS.md).
 * Keep this readable on one screen. Content that a visitor may not see answers 404 whatever the rule.
 */
public record Routes(SiteHandlers site, SignInPages signIn, ProfilePages profile, KoppelzonePages koppelzonePages,
                     KoppelzoneApi koppelzoneApi, KoppelzoneAdminApi koppelzoneAdminApi, AgreementPages agreementPages,
                     AgreementApi agreementApi, AccountApi accountApi, AdminPages admin, SearchPages searchPages,
                     SearchApi searchApi, LifecyclePages lifecyclePages, InboxPages inboxPages,
                     OverviewPages overviewPages, LifecycleApi lifecycleApi, Feeds feeds,
                     OrganisationPages organisationPages, AgreementComparePages comparePages,
                     AdoptionPages adoptionPages, SourceProposalPages proposalPages, AdoptionApi adoptionApi,
                     MeetingPages meetingPages, MeetingApi meetingApi) {

    public void register(RoutesConfig r) {
        // reading
        r.get("/", koppelzonePages::home, PUBLIC);
        r.get("/taal/{language}", site::switchLanguage, PUBLIC);
        r.get("/koppelzones/{slug}", koppelzonePages::show, PUBLIC);
        r.get("/afspraken/{id}", agreementPages::show, PUBLIC);
        r.get("/afspraken/{id}/geschiedenis", agreementPages::history, PUBLIC);
        r.get("/afspraken/{id}/revisies/{number}", agreementPages::showRevision, PUBLIC);
        r.get("/afspraken/{id}/vergelijk", agreementPages::compare, PUBLIC);
        r.get("/zoeken", searchPages::results, PUBLIC);
        r.get("/zoeken/suggesties", searchPages::suggestions, PUBLIC);
        r.get("/afspraken/{id}/bekrachtigingen", lifecyclePages::rounds, PUBLIC);
        r.get("/afspraken/{id}/familie", adoptionPages::family, PUBLIC);
        r.get("/afspraken/{id}/bronvoorstellen", proposalPages::incoming, PUBLIC);
        r.get("/feeds/bekrachtigd.atom", feeds::national, PUBLIC);
        r.get("/organisaties/{slug}", organisationPages::show, PUBLIC);
        r.get("/vergelijken", comparePages::compare, PUBLIC);
        r.get("/koppelzones/{slug}/feed.atom", feeds::koppelzone, PUBLIC);
        r.get("/afspraken/{id}/feed.atom", feeds::agreement, PUBLIC);

        // writing
        r.get("/koppelzones/{slug}/nieuw", agreementPages::newForm, CREATE);
        r.post("/koppelzones/{slug}/afspraken", agreementPages::create, CREATE);
        r.get("/afspraken/{id}/bewerken", agreementPages::editForm, EDIT);
        r.post("/afspraken/{id}/bewerken", agreementPages::save, EDIT);
        r.post("/afspraken/{id}/herstel", agreementPages::restore, RESTORE);
        r.post("/voorbeeld", agreementPages::preview, ACCOUNT);

        // endorsement lifecycle and maintenance (docs/PERMISSIONS.md)
        r.get("/afspraken/{id}/voorstellen", lifecyclePages::proposeForm, PROPOSE);
        r.post("/afspraken/{id}/voorstellen", lifecyclePages::propose, PROPOSE);
        r.get("/ter-bekrachtiging", inboxPages::inbox, ACCOUNT);
        r.post("/afspraken/{id}/besluit", inboxPages::decide, ENDORSE);
        r.get("/afspraken/{id}/intrekken", lifecyclePages::withdrawForm, RETIRE);
        r.post("/afspraken/{id}/intrekken", lifecyclePages::withdraw, RETIRE);
        r.get("/afspraken/{id}/laten-vervallen", lifecyclePages::retireForm, RETIRE);
        r.post("/afspraken/{id}/laten-vervallen", lifecyclePages::retire, RETIRE);
        r.get("/afspraken/{id}/herzieningsdatum", lifecyclePages::reviewDateForm, SCHEDULE_REVIEW);
        r.post("/afspraken/{id}/herzieningsdatum", lifecyclePages::reviewDate, SCHEDULE_REVIEW);
        r.post("/afspraken/{id}/kennisname", overviewPages::acknowledge, ACKNOWLEDGE);
        r.get("/mijn-overzicht", overviewPages::mine, ACCOUNT);
        r.get("/koppelzones/{slug}/overzicht", overviewPages::koppelzone, MEMBER);
        r.get("/koppelzones/{slug}/kennisname", overviewPages::applying, MEMBER);

        // adoption across municipalities
        r.get("/afspraken/{id}/overnemen", adoptionPages::adoptForm, ADOPT);
        r.post("/afspraken/{id}/overnemen", adoptionPages::adopt, ADOPT);
        r.get("/afspraken/{id}/bron-bijwerken", adoptionPages::upstream, EDIT);
        r.post("/afspraken/{id}/bron-bijwerken", adoptionPages::mergeUpstream, EDIT);
        r.post("/afspraken/{id}/bron-bijwerken/opslaan", adoptionPages::resolveUpstream, EDIT);
        r.post("/afspraken/{id}/bron-bijwerken/negeren", adoptionPages::dismissUpstream, EDIT);
        r.get("/afspraken/{id}/voorstel-aan-bron", proposalPages::proposeForm, EDIT);
        r.post("/afspraken/{id}/voorstel-aan-bron", proposalPages::propose, EDIT);
        r.post("/afspraken/{id}/bronvoorstellen/{proposal}/aanvaarden", proposalPages::accept, EDIT);
        r.post("/afspraken/{id}/bronvoorstellen/{proposal}/afwijzen", proposalPages::decline, EDIT);

        // koppelzone meetings (overleggen)
        r.get("/koppelzones/{slug}/overleggen", meetingPages::list, MEMBER);
        r.get("/koppelzones/{slug}/overleggen/nieuw", meetingPages::planForm, PLAN_MEETINGS);
        r.post("/koppelzones/{slug}/overleggen", meetingPages::plan, PLAN_MEETINGS);
        r.get("/overleggen/{meeting}", meetingPages::show, MEETING_MEMBER);
        r.get("/overleggen/{meeting}/uitnodiging.ics", meetingPages::ics, MEETING_MEMBER);
        r.get("/overleggen/{meeting}/verslag.md", meetingPages::markdown, MEETING_MEMBER);
        r.post("/overleggen/{meeting}/agenda", meetingPages::addItem, RUN_MEETING);
        r.post("/overleggen/{meeting}/agenda/{item}/verwijderen", meetingPages::removeItem, RUN_MEETING);
        r.post("/overleggen/{meeting}/agenda/{item}/verplaatsen", meetingPages::moveItem, RUN_MEETING);
        r.post("/overleggen/{meeting}/agenda/{item}/notulen", meetingPages::minutes, RUN_MEETING);
        r.post("/overleggen/{meeting}/agenda/{item}/besluit", meetingPages::decide, RUN_MEETING);
        r.post("/overleggen/{meeting}/aanwezigheid", meetingPages::presence, RUN_MEETING);
        r.post("/overleggen/{meeting}/actiepunten", meetingPages::addAction, RUN_MEETING);
        r.post("/overleggen/{meeting}/actiepunten/{action}/status", meetingPages::actionStatus, RUN_MEETING);
        r.post("/overleggen/{meeting}/sluiten", meetingPages::close, RUN_MEETING);

        // signing in, own account
        r.get("/login", signIn::loginPage, PUBLIC);
        r.get("/login/sso", signIn::startSso, PUBLIC);
        r.get("/callback", signIn::callback, PUBLIC);
        r.post("/callback", signIn::callback, PUBLIC);
        r.post("/logout", signIn::logout, ACCOUNT);
        r.get("/setup/{token}", signIn::setupPage, PUBLIC);
        r.post("/setup/{token}", signIn::setup, PUBLIC);
        r.get("/profiel", profile::show, ACCOUNT);
        r.post("/profiel/gegevens", profile::updateDetails, ACCOUNT);
        r.post("/profiel/wachtwoord", profile::changePassword, ACCOUNT);
        r.post("/profiel/tokens", profile::createToken, ACCOUNT);
        r.post("/profiel/tokens/{token}/intrekken", profile::revokeToken, ACCOUNT);

        // koppelzone management (voorzitter)
        r.get("/koppelzones/{slug}/beheer", koppelzonePages::manage, MANAGE_KOPPELZONE);
        r.post("/koppelzones/{slug}/leden", koppelzonePages::setMember, MANAGE_KOPPELZONE);
        r.post("/koppelzones/{slug}/leden/{username}/verwijderen", koppelzonePages::removeMember, MANAGE_KOPPELZONE);
        r.post("/koppelzones/{slug}/partijen", koppelzonePages::setParty, MANAGE_KOPPELZONE);
        r.post("/koppelzones/{slug}/partijen/{organisation}/verwijderen", koppelzonePages::removeParty, MANAGE_KOPPELZONE);

        // administration (beheerder)
        r.get("/beheer", admin::overview, ADMINISTER);
        r.post("/beheer/instellingen", admin::settings, ADMINISTER);
        r.get("/beheer/accounts", admin::accounts, ADMINISTER);
        r.post("/beheer/accounts", admin::createAccount, ADMINISTER);
        r.post("/beheer/accounts/{username}/status", admin::accountStatus, ADMINISTER);
        r.post("/beheer/accounts/{username}/gegevens", admin::updateAccount, ADMINISTER);
        r.post("/beheer/accounts/{username}/wachtwoord", admin::resetPassword, ADMINISTER);
        r.get("/beheer/organisaties", admin::organisations, ADMINISTER);
        r.post("/beheer/organisaties", admin::createOrganisation, ADMINISTER);
        r.post("/beheer/organisaties/{slug}", admin::updateOrganisation, ADMINISTER);
        r.get("/beheer/gemeenten", admin::municipalities, ADMINISTER);
        r.post("/beheer/gemeenten", admin::createMunicipality, ADMINISTER);
        r.get("/beheer/koppelzones", admin::koppelzones, ADMINISTER);
        r.post("/beheer/koppelzones", admin::createKoppelzone, ADMINISTER);
        r.post("/beheer/koppelzones/{slug}", admin::updateKoppelzone, ADMINISTER);
        r.get("/beheer/audit", admin::audit, ADMINISTER);

        // JSON API (docs/API.md)
        r.get("/api/v1/health", site::health, PUBLIC);
        r.get("/api/v1/me", accountApi::me, ACCOUNT);
        r.get("/api/v1/search", searchApi::search, PUBLIC);
        r.get("/api/v1/search/suggest", searchApi::suggest, PUBLIC);
        r.get("/api/v1/koppelzones", koppelzoneApi::list, PUBLIC);
        r.post("/api/v1/koppelzones", koppelzoneAdminApi::createKoppelzone, ADMINISTER);
        r.get("/api/v1/koppelzones/{slug}", koppelzoneApi::show, PUBLIC);
        r.post("/api/v1/koppelzones/{slug}/agreements", agreementApi::create, CREATE);
        r.post("/api/v1/koppelzones/{slug}/parties", koppelzoneAdminApi::addParty, MANAGE_KOPPELZONE);
        r.delete("/api/v1/koppelzones/{slug}/parties/{organisation}", koppelzoneAdminApi::removeParty, MANAGE_KOPPELZONE);
        r.get("/api/v1/koppelzones/{slug}/members", koppelzoneAdminApi::members, MEMBER);
        r.post("/api/v1/koppelzones/{slug}/members", koppelzoneAdminApi::setMember, MANAGE_KOPPELZONE);
        r.delete("/api/v1/koppelzones/{slug}/members/{username}", koppelzoneAdminApi::removeMember, MANAGE_KOPPELZONE);
        r.post("/api/v1/municipalities", koppelzoneAdminApi::createMunicipality, ADMINISTER);
        r.post("/api/v1/organisations", koppelzoneAdminApi::createOrganisation, ADMINISTER);
        r.get("/api/v1/agreements", agreementApi::list, PUBLIC);
        r.get("/api/v1/agreements/{id}", agreementApi::show, PUBLIC);
        r.put("/api/v1/agreements/{id}", agreementApi::update, EDIT);
        r.get("/api/v1/agreements/{id}/revisions", agreementApi::revisions, PUBLIC);
        r.get("/api/v1/agreements/{id}/revisions/{number}", agreementApi::revision, PUBLIC);
        r.get("/api/v1/agreements/{id}/diff", agreementApi::diff, PUBLIC);
        r.post("/api/v1/agreements/{id}/restore", agreementApi::restore, RESTORE);
        r.post("/api/v1/agreements/{id}/proposals", lifecycleApi::propose, PROPOSE);
        r.post("/api/v1/agreements/{id}/proposals/withdraw", lifecycleApi::withdraw, RETIRE);
        r.post("/api/v1/agreements/{id}/retire", lifecycleApi::retire, RETIRE);
        r.put("/api/v1/agreements/{id}/review-date", lifecycleApi::reviewDate, SCHEDULE_REVIEW);
        r.get("/api/v1/agreements/{id}/endorsements", lifecycleApi::endorsements, PUBLIC);
        r.post("/api/v1/agreements/{id}/endorsements", lifecycleApi::decide, ENDORSE);
        r.post("/api/v1/agreements/{id}/acknowledgements", lifecycleApi::acknowledge, ACKNOWLEDGE);
        r.get("/api/v1/me/pending", lifecycleApi::pending, ACCOUNT);
        r.get("/api/v1/organisations/{slug}/agreements", organisationPages::api, PUBLIC);
        r.get("/api/v1/compare", comparePages::api, PUBLIC);
        r.post("/api/v1/agreements/{id}/adopt", adoptionApi::adopt, ADOPT);
        r.get("/api/v1/agreements/{id}/lineage", adoptionApi::lineage, PUBLIC);
        r.get("/api/v1/agreements/{id}/upstream", adoptionApi::upstream, PUBLIC);
        r.post("/api/v1/agreements/{id}/upstream/merge", adoptionApi::merge, EDIT);
        r.post("/api/v1/agreements/{id}/upstream/dismiss", adoptionApi::dismiss, EDIT);
        r.get("/api/v1/agreements/{id}/source-proposals", adoptionApi::listProposals, PUBLIC);
        r.post("/api/v1/agreements/{id}/source-proposals", adoptionApi::proposeBack, EDIT);
        r.post("/api/v1/agreements/{id}/source-proposals/{proposal}/accept", adoptionApi::accept, EDIT);
        r.post("/api/v1/agreements/{id}/source-proposals/{proposal}/decline", adoptionApi::decline, EDIT);
        r.post("/api/v1/koppelzones/{slug}/meetings", meetingApi::plan, PLAN_MEETINGS);
        r.get("/api/v1/koppelzones/{slug}/meetings", meetingApi::list, MEMBER);
        r.get("/api/v1/meetings/{meeting}", meetingApi::show, MEETING_MEMBER);
        r.get("/api/v1/meetings/{meeting}/decisions", meetingApi::decisions, MEETING_MEMBER);
        r.post("/api/v1/meetings/{meeting}/decisions", meetingApi::decide, RUN_MEETING);
        r.get("/api/v1/meetings/{meeting}/action-items", meetingApi::actions, MEETING_MEMBER);
        r.post("/api/v1/meetings/{meeting}/action-items", meetingApi::addAction, RUN_MEETING);
        r.put("/api/v1/meetings/{meeting}/action-items/{action}", meetingApi::actionStatus, RUN_MEETING);
        r.post("/api/v1/meetings/{meeting}/close", meetingApi::close, RUN_MEETING);
    }
}
