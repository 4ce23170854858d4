package nl.afsprakenwiki;

import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.accounts.AccountSessions;
import nl.afsprakenwiki.accounts.AccountStore;
import nl.afsprakenwiki.accounts.ApiTokens;
import nl.afsprakenwiki.accounts.PasswordPolicy;
import nl.afsprakenwiki.accounts.SsoAccounts;
import nl.afsprakenwiki.adoption.AdoptionMail;
import nl.afsprakenwiki.adoption.Adoptions;
import nl.afsprakenwiki.adoption.Lineage;
import nl.afsprakenwiki.adoption.SourceProposals;
import nl.afsprakenwiki.agreements.AgreementContacts;
import nl.afsprakenwiki.agreements.AgreementEditing;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.agreements.AttachmentEditing;
import nl.afsprakenwiki.agreements.PartyAgreements;
import nl.afsprakenwiki.agreements.RenderedAhead;
import nl.afsprakenwiki.agreements.Published;
import nl.afsprakenwiki.attachments.Attachments;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.auth.FirstStart;
import nl.afsprakenwiki.auth.LoginThrottle;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.Keeper;
import nl.afsprakenwiki.discussion.Comments;
import nl.afsprakenwiki.discussion.MentionMail;
import nl.afsprakenwiki.endorsements.Inbox;
import nl.afsprakenwiki.experiences.Experiences;
import nl.afsprakenwiki.endorsements.Lifecycle;
import nl.afsprakenwiki.endorsements.Overviews;
import nl.afsprakenwiki.endorsements.ReviewReminders;
import nl.afsprakenwiki.endorsements.RoundViews;
import nl.afsprakenwiki.endorsements.TakeNoteMail;
import nl.afsprakenwiki.files.StoredFiles;
import nl.afsprakenwiki.following.FollowerMail;
import nl.afsprakenwiki.following.Follows;
import nl.afsprakenwiki.koppelzones.KoppelzoneAdmin;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.koppelzones.PartyContacts;
import nl.afsprakenwiki.koppelzones.MembershipStore;
import nl.afsprakenwiki.koppelzones.Memberships;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.meetings.ActionItemReminders;
import nl.afsprakenwiki.meetings.MeetingRecording;
import nl.afsprakenwiki.meetings.Meetings;
import nl.afsprakenwiki.notifications.DailyRun;
import nl.afsprakenwiki.notifications.Outbox;
import nl.afsprakenwiki.redaction.RedactionMail;
import nl.afsprakenwiki.redaction.Redactions;
import nl.afsprakenwiki.redaction.WholeRedactions;
import nl.afsprakenwiki.search.IndexStorage;
import nl.afsprakenwiki.search.Search;
import nl.afsprakenwiki.templates.TemplateService;
import nl.afsprakenwiki.leaks.Leaks;
import nl.afsprakenwiki.transfer.DemoContent;
import nl.afsprakenwiki.transfer.Exporter;
import nl.afsprakenwiki.transfer.Importer;
import nl.afsprakenwiki.web.ServerSecret;

import java.time.Clock;
import nl.afsprakenwiki.privacy.PrivacyDetector;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.agreements.AgreementPrivacy;
import nl.afsprakenwiki.privacy.FindingRegister;
import java.util.List;

/**
 * Every part of the application below the web handlers, built once from the database and handed to
 * the web app ({@link App}) and the command line alike. No part reaches for another through static
 * state; where a lower package needs something of a higher one, the lower one defines a port and
 * it is connected here (memberships for accounts, meetings for the endorsement overview).
 */
public record Services(Settings settings, Database db, Clock clock, ServerSecret secret, MarkdownRenderer markdown,
                       AuditLog audit, AccountService accounts, ApiTokens tokens, SsoAccounts ssoAccounts,
                       LoginThrottle loginThrottle, AccountSessions sessions, FirstStart firstStart,
                       KoppelzoneService koppelzones,
                       KoppelzoneAdmin koppelzoneAdmin, Memberships memberships, AgreementService agreements,
                       AgreementEditing editing,
                       PartyAgreements partyAgreements, Lifecycle lifecycle, RoundViews rounds, Inbox inbox,
                       Overviews overviews, Adoptions adoptions, Lineage lineage, SourceProposals sourceProposals,
                       Meetings meetings, MeetingRecording meetingRecording, Search search, Importer importer, Exporter exporter, DemoContent demo,
                       Follows follows, Outbox outbox, DailyRun daily, Experiences experiences,
                       AgreementContacts contacts, Comments comments, TemplateService templates,
                       StoredFiles files, Attachments attachments, Redactions redactions,
                       WholeRedactions wholeRedactions, AgreementPrivacy privacy,
                       FindingRegister findings, Keeper findingKeeper, PartyContacts partyContacts, Leaks leaks,
                       RenderedAhead renderedAhead) {

    public static Services create(Settings settings, Database db, Clock clock) {
        return create(settings, db, clock, IndexStorage.FILES);
    }

    /** As {@link #create(Settings, Database, Clock)}, with the search index written through {@code indexStorage}. */
    public static Services create(Settings settings, Database db, Clock clock, IndexStorage indexStorage) {
        AuditLog audit = new AuditLog(db, clock);
        MarkdownRenderer markdown = new MarkdownRenderer();
        KoppelzoneStore koppelzoneStore = new KoppelzoneStore();
        AgreementStore agreementStore = new AgreementStore(koppelzoneStore);
        // the privacy guard (issue 17): one detector for the process, shared by every save, and the listed
        // numbers and domains of each koppelzone's parties, which it passes
        PartyContacts partyContacts = new PartyContacts(db);
        AgreementPrivacy privacy = new AgreementPrivacy(db, agreementStore, new PrivacyDetector(clock), audit, clock,
                partyContacts);
        // and on every other text (comments, experiences, minutes, remarks, templates), with their confirmations
        TextGuard textGuard = new TextGuard(privacy.detector(), audit::record, clock, partyContacts);
        AccountStore accountStore = new AccountStore();
        // where the detector finds what in every stored text (issue 17 point 4), kept up by its keeper
        FindingRegister findings = new FindingRegister(db, privacy.detector(), partyContacts::of);

        Memberships memberships = new Memberships(db, new MembershipStore(), accountStore, audit, clock);
        // one policy for the process: building it loads the password dictionaries
        AccountService accounts = new AccountService(db, accountStore, memberships, audit, clock, new PasswordPolicy(),
                settings.passwordHashing());
        KoppelzoneService koppelzones = new KoppelzoneService(db, koppelzoneStore);

        // mail is written in the transaction of the event that causes it; delivery starts with outbox.start()
        ServerSecret secret = ServerSecret.loadOrCreate(settings.dataDir(), db);
        Outbox outbox = new Outbox(db, clock, settings.mail(), settings.baseUrl(), audit, secret);
        // once a day: due-date reminders, then the digests; started with outbox.start() by whoever serves
        DailyRun daily = new DailyRun(db, clock, settings.digestHour(), outbox,
                List.of(new ReviewReminders(outbox), new ActionItemReminders(outbox)));
        AdoptionMail adoptionMail = new AdoptionMail(outbox);
        // what the public sees changing is told to followers and adopters, by mail
        Lifecycle lifecycle = new Lifecycle(db, agreementStore, koppelzoneStore, audit, clock, outbox,
                Published.all(adoptionMail, new FollowerMail(outbox)), privacy, textGuard);
        AgreementService agreements = new AgreementService(db, agreementStore);
        AgreementEditing editing = new AgreementEditing(db, agreementStore, koppelzoneStore, audit, markdown, clock,
                lifecycle, privacy);
        RoundViews rounds = new RoundViews(db, lifecycle);
        Inbox inbox = new Inbox(db, lifecycle, agreements, rounds);
        Overviews overviews = new Overviews(db, lifecycle, agreements, rounds, inbox, koppelzones);

        Adoptions adoptions = new Adoptions(db, agreements, editing, koppelzones, audit, clock, privacy);
        // waardelekken (issue 18): a meeting's agenda proposes the open ones and its decisions move them
        Leaks leaks = new Leaks(db, audit, clock, textGuard);
        Meetings meetings = new Meetings(db, koppelzoneStore, agreements, overviews, audit, clock, outbox, leaks);

        // attachment files, content-addressed beside the database
        StoredFiles files = new StoredFiles(settings.dataDir(), db);
        Importer importer = new Importer(db, koppelzoneStore, agreementStore, audit, markdown, clock, lifecycle, files, privacy);
        Search search = new Search(settings.dataDir(), db, markdown, textGuard, indexStorage);
        KoppelzoneAdmin koppelzoneAdmin = new KoppelzoneAdmin(db, koppelzoneStore, audit, clock, new TakeNoteMail(outbox));
        return new Services(settings, db, clock, secret, markdown, audit,
                accounts, new ApiTokens(db, accountStore, accounts, audit, clock),
                new SsoAccounts(db, accountStore, audit, clock), new LoginThrottle(db, clock), new AccountSessions(db),
                FirstStart.of(db, accountStore),
                koppelzones, koppelzoneAdmin, memberships, agreements, editing,
                new PartyAgreements(db), lifecycle, rounds, inbox, overviews, adoptions, new Lineage(adoptions, agreements),
                new SourceProposals(adoptions, agreements, editing, audit, clock, adoptionMail), meetings,
                new MeetingRecording(db, koppelzoneStore, agreementStore, lifecycle, audit, clock, outbox, textGuard, leaks),
                search, importer, new Exporter(db, koppelzoneStore, agreementStore, files),
                new DemoContent(db, agreementStore, importer, accounts, memberships, koppelzoneAdmin, leaks, adoptions),
                new Follows(db, agreements, koppelzones, clock), outbox, daily,
                new Experiences(db, markdown, audit, clock, textGuard), new AgreementContacts(db, audit, clock),
                new Comments(db, agreements, audit, clock, markdown, new MentionMail(outbox), textGuard),
                new TemplateService(db, audit, clock, textGuard), files,
                new Attachments(agreements, new AttachmentEditing(db, agreementStore, audit, clock), files),
                new Redactions(db, agreementStore, markdown, search, audit, new RedactionMail(outbox), clock),
                new WholeRedactions(db, audit, clock), privacy, findings, new Keeper("privacy-register", "teksten", db,
                        // a few seconds a round, so a stop is prompt even during the first scan of a large history
                        progress -> findings.catchUp(progress, java.time.Duration.ofSeconds(5))), partyContacts, leaks,
                // the texts readers open first, rendered ahead into the data directory; started by whoever serves
                new RenderedAhead(db, agreementStore, markdown, settings.dataDir().resolve(RenderedAhead.FOLDER)));
    }
}
