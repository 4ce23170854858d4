package nl.afsprakenwiki;

import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.accounts.AccountStore;
import nl.afsprakenwiki.adoption.Adoptions;
import nl.afsprakenwiki.adoption.Lineage;
import nl.afsprakenwiki.adoption.SourceProposals;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.auth.FirstStart;
import nl.afsprakenwiki.auth.LoginThrottle;
import nl.afsprakenwiki.auth.ServerSecret;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.endorsements.Lifecycle;
import nl.afsprakenwiki.endorsements.RoundViews;
import nl.afsprakenwiki.koppelzones.KoppelzoneAdmin;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.search.Search;
import nl.afsprakenwiki.transfer.DemoContent;
import nl.afsprakenwiki.transfer.Exporter;
import nl.afsprakenwiki.transfer.Importer;

import java.time.Clock;

/**
 * The application's parts, built once from the database and handed to the web app and the command
 * line alike. No part reaches for another through static state.
 */
public record Services(Settings settings, Database db, Clock clock, ServerSecret secret, MarkdownRenderer markdown,
                       AuditLog audit, KoppelzoneService koppelzones, KoppelzoneAdmin koppelzoneAdmin,
                       AgreementService agreements, AccountService accounts, LoginThrottle loginThrottle,
                       FirstStart firstStart, Importer importer, Exporter exporter, DemoContent demo,
                       Lifecycle lifecycle, RoundViews rounds, Adoptions adoptions, Lineage lineage,
                       SourceProposals sourceProposals,
                       Search search) {

    public static Services create(Settings settings, Database db, Clock clock) {
        AuditLog audit = new AuditLog(db, clock);
        KoppelzoneStore koppelzoneStore = new KoppelzoneStore();
        AgreementStore agreementStore = new AgreementStore(koppelzoneStore);
        MarkdownRenderer markdown = new MarkdownRenderer();
        AccountService accounts = new AccountService(db, new AccountStore(), koppelzoneStore, audit, clock);
        Lifecycle lifecycle = new Lifecycle(db, agreementStore, audit, clock);
        Importer importer = new Importer(db, koppelzoneStore, agreementStore, audit, markdown, clock, lifecycle);
        KoppelzoneService koppelzoneService = new KoppelzoneService(db, koppelzoneStore);
        AgreementService agreements = new AgreementService(db, agreementStore, koppelzoneStore, audit, markdown, clock,
                lifecycle);
        Adoptions adoptions = new Adoptions(db, agreements, koppelzoneService, audit, clock);
        return new Services(settings, db, clock, ServerSecret.loadOrCreate(settings.dataDir()), markdown, audit,
                koppelzoneService, new KoppelzoneAdmin(db, koppelzoneStore, audit, clock), agreements, accounts,
                new LoginThrottle(clock), new FirstStart(), importer, new Exporter(db, koppelzoneStore, agreementStore),
                new DemoContent(db, agreementStore, importer, accounts), lifecycle, new RoundViews(db, lifecycle),
                adoptions, new Lineage(adoptions, agreements), new SourceProposals(adoptions, agreements, audit, clock),
                new Search(settings.dataDir(), db, markdown));
    }
}
