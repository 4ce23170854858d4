package nl.afsprakenwiki.web;

import io.javalin.config.RoutesConfig;
import nl.afsprakenwiki.agreements.AgreementApi;
import nl.afsprakenwiki.agreements.AgreementPages;
import nl.afsprakenwiki.koppelzones.KoppelzoneApi;
import nl.afsprakenwiki.koppelzones.KoppelzonePages;

import static nl.afsprakenwiki.web.Access.ANYONE;
import static nl.afsprakenwiki.web.Access.EDITOR;

/** Every route of the application with the permission it requires. Keep this readable on one screen. */
public record Routes(SiteHandlers site, KoppelzonePages koppelzonePages, KoppelzoneApi koppelzoneApi,
                     AgreementPages agreementPages, AgreementApi agreementApi) {

    public void register(RoutesConfig r) {
        // pages
        r.get("/", koppelzonePages::home, ANYONE);
        r.get("/taal/{language}", site::switchLanguage, ANYONE);
        r.get("/koppelzones/{slug}", koppelzonePages::show, ANYONE);
        r.get("/koppelzones/{slug}/nieuw", agreementPages::newForm, EDITOR);
        r.post("/koppelzones/{slug}/afspraken", agreementPages::create, EDITOR);
        r.get("/afspraken/{id}", agreementPages::show, ANYONE);
        r.get("/afspraken/{id}/bewerken", agreementPages::editForm, EDITOR);
        r.post("/afspraken/{id}/bewerken", agreementPages::save, EDITOR);
        r.get("/afspraken/{id}/geschiedenis", agreementPages::history, ANYONE);
        r.get("/afspraken/{id}/revisies/{number}", agreementPages::showRevision, ANYONE);
        r.get("/afspraken/{id}/vergelijk", agreementPages::compare, ANYONE);
        r.post("/afspraken/{id}/herstel", agreementPages::restore, EDITOR);
        r.post("/voorbeeld", agreementPages::preview, EDITOR);

        // JSON API (docs/API.md)
        r.get("/api/v1/health", site::health, ANYONE);
        r.get("/api/v1/koppelzones", koppelzoneApi::list, ANYONE);
        r.get("/api/v1/koppelzones/{slug}", koppelzoneApi::show, ANYONE);
        r.post("/api/v1/koppelzones/{slug}/agreements", agreementApi::create, EDITOR);
        r.get("/api/v1/agreements", agreementApi::list, ANYONE);
        r.get("/api/v1/agreements/{id}", agreementApi::show, ANYONE);
        r.put("/api/v1/agreements/{id}", agreementApi::update, EDITOR);
        r.get("/api/v1/agreements/{id}/revisions", agreementApi::revisions, ANYONE);
        r.get("/api/v1/agreements/{id}/revisions/{number}", agreementApi::revision, ANYONE);
        r.get("/api/v1/agreements/{id}/diff", agreementApi::diff, ANYONE);
        r.post("/api/v1/agreements/{id}/restore", agreementApi::restore, EDITOR);
    }
}
