package nl.afsprakenwiki;

import io.javalin.Javalin;
import nl.afsprakenwiki.accounts.AccountApi;
import nl.afsprakenwiki.accounts.ProfilePages;
import nl.afsprakenwiki.admin.AccountAdminPages;
import nl.afsprakenwiki.admin.AccountDirectory;
import nl.afsprakenwiki.admin.AdminPages;
import nl.afsprakenwiki.admin.AuditPages;
import nl.afsprakenwiki.admin.AuditSubjects;
import nl.afsprakenwiki.admin.RegisterPages;
import nl.afsprakenwiki.adoption.AdoptionApi;
import nl.afsprakenwiki.adoption.AdoptionPages;
import nl.afsprakenwiki.adoption.Spread;
import nl.afsprakenwiki.adoption.SpreadPages;
import nl.afsprakenwiki.adoption.AdoptionPanels;
import nl.afsprakenwiki.adoption.PendingAdoption;
import nl.afsprakenwiki.adoption.SourceProposalPages;
import nl.afsprakenwiki.agreements.AgreementApi;
import nl.afsprakenwiki.agreements.AgreementComparePages;
import nl.afsprakenwiki.agreements.AgreementPages;
import nl.afsprakenwiki.agreements.AgreementPanel;
import nl.afsprakenwiki.agreements.ContactApi;
import nl.afsprakenwiki.agreements.ContactPages;
import nl.afsprakenwiki.agreements.ContactPanel;
import nl.afsprakenwiki.attachments.AttachmentApi;
import nl.afsprakenwiki.attachments.AttachmentPages;
import nl.afsprakenwiki.attachments.AttachmentPanel;
import nl.afsprakenwiki.auth.Authentication;
import nl.afsprakenwiki.auth.SignIn;
import nl.afsprakenwiki.auth.StoredSessions;
import nl.afsprakenwiki.auth.SignInPages;
import nl.afsprakenwiki.chain.ChainApi;
import nl.afsprakenwiki.chain.ChainPages;
import nl.afsprakenwiki.chain.ChainService;
import nl.afsprakenwiki.chain.ChainLeaks;
import nl.afsprakenwiki.health.HealthApi;
import nl.afsprakenwiki.health.HealthPages;
import nl.afsprakenwiki.health.HealthService;
import nl.afsprakenwiki.discussion.DiscussionApi;
import nl.afsprakenwiki.discussion.DiscussionPages;
import nl.afsprakenwiki.discussion.DiscussionPanel;
import nl.afsprakenwiki.discussion.DiscussionViews;
import nl.afsprakenwiki.endorsements.Feeds;
import nl.afsprakenwiki.endorsements.InboxPages;
import nl.afsprakenwiki.endorsements.LifecycleApi;
import nl.afsprakenwiki.endorsements.LifecyclePages;
import nl.afsprakenwiki.endorsements.LifecyclePanel;
import nl.afsprakenwiki.endorsements.OverviewPages;
import nl.afsprakenwiki.experiences.ExperienceApi;
import nl.afsprakenwiki.experiences.ExperiencePages;
import nl.afsprakenwiki.experiences.ExperiencePanel;
import nl.afsprakenwiki.following.FollowApi;
import nl.afsprakenwiki.following.FollowPages;
import nl.afsprakenwiki.following.FollowPanel;
import nl.afsprakenwiki.following.FollowedSection;
import nl.afsprakenwiki.following.PendingFollows;
import nl.afsprakenwiki.koppelzones.KoppelzoneAdminApi;
import nl.afsprakenwiki.koppelzones.KoppelzoneApi;
import nl.afsprakenwiki.koppelzones.KoppelzoneManagePages;
import nl.afsprakenwiki.meetings.MeetingApi;
import nl.afsprakenwiki.meetings.MeetingPages;
import nl.afsprakenwiki.meetings.Meetings;
import nl.afsprakenwiki.meetings.MeetingsPanel;
import nl.afsprakenwiki.meetings.PendingMeetings;
import nl.afsprakenwiki.preferences.PreferenceApi;
import nl.afsprakenwiki.preferences.PreferencePages;
import nl.afsprakenwiki.preferences.PreferenceSection;
import nl.afsprakenwiki.search.SearchApi;
import nl.afsprakenwiki.search.SearchPages;
import nl.afsprakenwiki.redaction.RedactionApi;
import nl.afsprakenwiki.redaction.RedactionPages;
import nl.afsprakenwiki.redaction.FindingPages;
import nl.afsprakenwiki.redaction.WholeRedactionPages;
import nl.afsprakenwiki.redaction.RedactionPanel;
import nl.afsprakenwiki.redaction.LeakRedactions;
import nl.afsprakenwiki.redaction.WholeRedactionApi;
import nl.afsprakenwiki.search.SearchService;
import nl.afsprakenwiki.search.SimilarPanel;
import nl.afsprakenwiki.site.AccessFilter;
import nl.afsprakenwiki.site.ApiDocs;
import nl.afsprakenwiki.site.ErrorHandling;
import nl.afsprakenwiki.site.KoppelzonePages;
import nl.afsprakenwiki.site.OrganisationPages;
import nl.afsprakenwiki.site.PageCache;
import nl.afsprakenwiki.site.Routes;
import nl.afsprakenwiki.site.SiteFiles;
import nl.afsprakenwiki.site.SiteHandlers;
import nl.afsprakenwiki.site.StatementPages;
import nl.afsprakenwiki.site.WebFilters;
import nl.afsprakenwiki.templates.TemplateApi;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.leaks.Leak;
import nl.afsprakenwiki.leaks.LeakApi;
import nl.afsprakenwiki.leaks.LeakPanel;
import nl.afsprakenwiki.leaks.LeakPages;
import nl.afsprakenwiki.templates.TemplatePages;
import nl.afsprakenwiki.web.Csrf;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.PublicAddress;
import nl.afsprakenwiki.web.Translations;
import nl.afsprakenwiki.web.Views;
import nl.afsprakenwiki.web.WorkTurns;

import java.util.LinkedHashSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the web application from its parts. Returns it unstarted; the caller chooses when and where. */
public final class App {

    private App() {
    }

    /**
     * The web application over {@code services}. Search answers from the index as it is; keeping the
     * index up to date ({@code services.search().index().start()}) is the caller's to start.
     */
    public static Javalin create(Services services) {
        return create(services, chainLeaks(services));
    }

    /**
     * The chain's leaks from the waardelekken, as the viewer may see them (Leaks.onChain): open leaks
     * for the koppelzone's members (and the beheerder) only, solved ones on their agreements' pairs.
     */
    static ChainLeaks chainLeaks(Services services) {
        return (koppelzoneId, viewer) -> services.leaks().onChain(koppelzoneId, viewer).stream().map(leak -> {
            Set<Long> parties = leak.parties().stream().map(Organisation::id)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Set<Long> agreements = leak.agreements().stream().map(Leak.LinkedAgreement::id)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            return new ChainLeaks.PairLeak(leak.id(), leak.title(), parties, "/waardelekken/" + leak.id(),
                    leak.status() == Leak.Status.OPGELOST, agreements);
        }).toList();
    }

    /** The application whose chain pages draw the leaks {@code chainLeaks} answers. */
    public static Javalin create(Services services, ChainLeaks chainLeaks) {
        Settings settings = services.settings();
        Translations translations = new Translations();
        Csrf csrf = new Csrf(services.secret(), settings.secureCookies());
        Views views = new Views(translations, csrf);
        Json json = new Json();
        PublicAddress address = new PublicAddress(settings.baseUrl());
        SearchService search = services.search().service();
        SignIn signIn = new SignIn(settings.baseUrl(), settings.oidc(), services.accounts(), services.ssoAccounts(),
                services.loginThrottle(), services.audit());
        Meetings meetings = services.meetings();
        DiscussionViews discussions = new DiscussionViews(services.comments(), services.agreements(), services.markdown());
        List<AgreementPanel> panels = List.of(
                new LifecyclePanel(services.lifecycle(), services.rounds(), services.agreements(), views),
                new AdoptionPanels(services.adoptions(), services.lineage(), services.sourceProposals(), views),
                new MeetingsPanel(meetings, views),
                new SimilarPanel(search.similar(), views),
                new FollowPanel(services.follows(), views),
                new ExperiencePanel(services.experiences(), views),
                new LeakPanel(services.leaks(), views),
                new ContactPanel(services.contacts(), views),
                new DiscussionPanel(discussions, views),
                new AttachmentPanel(services.attachments(), views),
                new RedactionPanel(views));
        LeakRedactions leakRedactions = new LeakRedactions(services.db(), services.wholeRedactions());
        ChainService chains = new ChainService(services.koppelzones(), services.agreements(), services.db(), chainLeaks,
                services.clock());
        HealthService health = new HealthService(services.db(), services.clock());
        Routes routes = new Routes(
                new SiteHandlers(services.db(), services.search(), translations, services.accounts()),
                new SignInPages(signIn, services.loginThrottle(), services.accounts(), services.firstStart(), views),
                new ProfilePages(services.accounts(), services.tokens(), views,
                        List.of(new FollowedSection(services.follows(), views),
                                new PreferenceSection(services.outbox().preferences(), views))),
                new KoppelzonePages(services.koppelzones(), services.agreements(), services.memberships(), views,
                        services.clock(), services.follows()),
                new KoppelzoneManagePages(services.koppelzones(), services.koppelzoneAdmin(), services.memberships(), views),
                new KoppelzoneApi(services.koppelzones()),
                new KoppelzoneAdminApi(services.koppelzones(), services.koppelzoneAdmin(), services.memberships(), json),
                new AgreementPages(services.agreements(), services.editing(), services.koppelzones(), services.markdown(), views, panels,
                        meetings::discussions, services.templates(), services.privacy()),
                new AgreementApi(services.agreements(), services.editing(), services.koppelzones(), services.markdown(), json, translations.dutch(),
                        services.contacts(), services.templates(), services.privacy()),
                new AccountApi(services.accounts()),
                new AdminPages(services.accounts(), services.ssoAccounts(), services.koppelzones(),
                        services.koppelzoneAdmin(), services.outbox(), views),
                new AccountAdminPages(services.accounts(), services.tokens(), new AccountDirectory(services.db()),
                        services.koppelzoneAdmin(), views),
                new RegisterPages(services.koppelzones(), services.koppelzoneAdmin(), views),
                new AuditPages(services.koppelzones(), services.audit(), new AuditSubjects(services.db()), views),
                new SearchPages(search, views), new SearchApi(search, translations),
                new LifecyclePages(services.lifecycle(), services.rounds(), services.agreements(), views),
                new InboxPages(services.inbox(), services.lifecycle(), views),
                new OverviewPages(services.overviews(), services.lifecycle(), services.koppelzones(), services.agreements(),
                        views, List.of(new PendingMeetings(meetings),
                        new PendingAdoption(services.adoptions(), services.agreements()),
                        new PendingFollows(services.follows(), services.agreements(), services.clock()))),
                new LifecycleApi(services.lifecycle(), services.rounds(), services.agreements(), services.overviews(), json,
                        translations.dutch()),
                new Feeds(services.db(), services.lifecycle(), services.koppelzones(), services.agreements(), address),
                new OrganisationPages(services.partyAgreements(), services.koppelzones(), services.agreements(), views,
                        services.partyContacts()),
                new AgreementComparePages(services.agreements(), views),
                new AdoptionPages(services.adoptions(), services.lineage(), services.agreements(), views, services.markdown()),
                new SourceProposalPages(services.sourceProposals(), services.adoptions(), services.agreements(), views,
                        services.markdown()),
                new AdoptionApi(services.adoptions(), services.lineage(), services.sourceProposals(), json, translations.dutch()),
                new MeetingPages(meetings, services.meetingRecording(), services.koppelzones(), services.agreements(), services.memberships(), views,
                        address, services.clock(), services.markdown()),
                new MeetingApi(meetings, services.meetingRecording(), services.koppelzones(), json, translations.dutch()),
                new ApiDocs(json, views), new StatementPages(settings.dataDir(), services.markdown(), views), new SiteFiles(),
                new FollowPages(services.follows()), new FollowApi(services.follows()),
                new PreferencePages(services.outbox().preferences(), services.outbox().unsubscribing(), views),
                new PreferenceApi(services.outbox().preferences(), json),
                new ExperiencePages(services.experiences(), services.agreements(), views),
                new ExperienceApi(services.experiences(), json, translations.dutch()),
                new ContactPages(services.contacts(), services.agreements(), views),
                new ContactApi(services.contacts(), json, translations.dutch()),
                new DiscussionPages(services.comments(), discussions, views),
                new DiscussionApi(services.comments(), discussions, json, translations.dutch()),
                new TemplatePages(services.templates(), views), new TemplateApi(services.templates(), services.koppelzones()),
                new AttachmentPages(services.attachments(), views),
                new AttachmentApi(services.attachments(), json, translations.dutch()),
                new RedactionPages(services.redactions(), services.agreements(), views, services.privacy().detector()),
                new RedactionApi(services.redactions(), json),
                new WholeRedactionApi(services.wholeRedactions(), leakRedactions, json),
                new FindingPages(services.findings(), services.koppelzones(), views),
                new WholeRedactionPages(services.wholeRedactions(), leakRedactions, views),
                new LeakPages(services.leaks(), services.koppelzones(), views), new LeakApi(services.leaks(), json),
                new ChainPages(chains, views), new ChainApi(chains),
                new HealthPages(health, views), new HealthApi(health),
                new SpreadPages(new Spread(services.db()), views),
                // what the kept pages show besides the database: the day (in the server's zone and the
                // Dutch one) and the state of the public search index
                new PageCache(services.db(), translations, () -> List.of(LocalDate.now(services.clock()),
                        services.lifecycle().today(), search.publicGeneration())));
        ErrorHandling errors = new ErrorHandling(views, translations, json);
        WorkTurns turns = new WorkTurns(WorkTurns.defaultTurns(), routes.table().unqueuedPaths());
        WebFilters filters = new WebFilters(new AccessFilter(new Authentication(services.accounts(), services.tokens(), signIn),
                csrf, services.koppelzones(), services.agreements(), meetings::find, services.comments()::find,
                services.leaks()::find), services.db(), turns);

        return Javalin.create(config -> {
            ServerSetup.configure(config, settings, translations, json, new StoredSessions(services.sessions()),
                    routes.table().unqueuedPaths(), turns);
            filters.register(config.routes);
            routes.register(config.routes);
            errors.register(config.routes);
        });
    }
}
