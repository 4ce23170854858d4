-- Templates (sjablonen) a new agreement can start from: one national default (koppelzone_id NULL)
-- and templates of a koppelzone, managed by its voorzitter. A template's text is versioned like an
-- agreement's: template_revision is append-only. A hint is an HTML comment under a heading; it is
-- shown as guidance and removed when an agreement is created, so it is never saved as text.

CREATE TABLE template (
    id                INTEGER PRIMARY KEY,
    koppelzone_id     INTEGER REFERENCES koppelzone (id),
    slug              TEXT NOT NULL CHECK (slug NOT GLOB '*[^a-z0-9-]*' AND length(slug) BETWEEN 1 AND 80),
    -- Denormalised from template_revision; kept in step by TemplateStore in the same transaction.
    current_revision  INTEGER NOT NULL DEFAULT 0,
    retired_at        TEXT,
    created_at        TEXT NOT NULL
);
-- slugs are unique per koppelzone, and the national slugs among themselves (NULL is never equal in UNIQUE)
CREATE UNIQUE INDEX template_slug ON template (ifnull(koppelzone_id, 0), slug);

CREATE TABLE template_revision (
    id           INTEGER PRIMARY KEY,
    template_id  INTEGER NOT NULL REFERENCES template (id),
    number       INTEGER NOT NULL CHECK (number >= 1),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    body         TEXT NOT NULL,
    author_name  TEXT NOT NULL CHECK (length(author_name) BETWEEN 1 AND 100),
    created_at   TEXT NOT NULL,
    UNIQUE (template_id, number)
);

CREATE TRIGGER template_revision_no_update BEFORE UPDATE ON template_revision
BEGIN
    SELECT RAISE(ABORT, 'template revisions are append-only');
END;

CREATE TRIGGER template_revision_no_delete BEFORE DELETE ON template_revision
BEGIN
    SELECT RAISE(ABORT, 'template revisions are append-only');
END;

INSERT INTO template (koppelzone_id, slug, current_revision, created_at)
VALUES (NULL, 'landelijk', 1, '2026-12-05T00:00:00.000Z');

INSERT INTO template_revision (template_id, number, name, body, author_name, created_at)
VALUES (last_insert_rowid(), 1, 'Landelijk sjabloon',
'## Aanleiding en waardelek
<!-- Waarom is deze afspraak nodig: waar loopt het nu mis tussen de partijen, en wat gaat er daardoor verloren voor het kind en het gezin? -->

## Afspraken
<!-- Wat spreken de partijen concreet af, zo geschreven dat een nieuwe collega het morgen kan toepassen? -->

## Wie doet wat
<!-- Welke partij of rol doet welke stap, en wie is aanspreekpunt als het niet loopt? -->

## Termijnen
<!-- Binnen welke tijd gebeurt elke stap (werkdagen of weken), en vanaf welk moment telt die tijd? -->

## Uitzonderingen
<!-- Wanneer geldt deze afspraak niet, of anders (crisis, veiligheid, 18-/18+), en wat gebeurt er dan? -->

## Evaluatie
<!-- Hoe en wanneer kijken de partijen of de afspraak werkt, en waaraan zie je dat? -->
', 'Afsprakenwiki', '2026-12-05T00:00:00.000Z');
