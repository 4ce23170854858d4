package nl.afsprakenwiki;

import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.auth.ServerSecret;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.transfer.DemoContent;
import nl.afsprakenwiki.transfer.Exporter;
import nl.afsprakenwiki.transfer.Importer;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The application's parts, built once from the database and handed to the web app and the command
 * line alike. No part reaches for another through static state.
 */
public record Services(Settings settings, Database db, Clock clock, ServerSecret secret, MarkdownRenderer markdown,
                       KoppelzoneService koppelzones, AgreementService agreements, Importer importer, Exporter exporter,
                       DemoContent demo) {

    public static Services create(Settings settings, Database db, Clock clock) {
        Path dataDir = settings.dataDir();
        AuditLog audit = new AuditLog(clock);
        KoppelzoneStore koppelzoneStore = new KoppelzoneStore();
        AgreementStore agreementStore = new AgreementStore(koppelzoneStore);
        MarkdownRenderer markdown = new MarkdownRenderer();
        Importer importer = new Importer(db, koppelzoneStore, agreementStore, audit, markdown, clock);
        return new Services(settings, db, clock, ServerSecret.loadOrCreate(dataDir), markdown,
                new KoppelzoneService(db, koppelzoneStore),
                new AgreementService(db, agreementStore, koppelzoneStore, audit, markdown, clock),
                importer, new Exporter(db, koppelzoneStore, agreementStore),
                new DemoContent(db, agreementStore, importer));
    }
}
