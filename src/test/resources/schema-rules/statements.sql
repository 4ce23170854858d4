-- The same statements on SQLite and on PostgreSQL, one after the other, each in its own transaction
-- (PostgresSchemaTest). Each must be accepted or refused alike (refused: for the same kind of rule; a
-- trigger's refusal with the same message), change as many rows, and in the end every table must hold
-- the same rows on both. "-- expect:" before a statement also says what it must do:
--   ok N                 accepted, N rows changed
--   refused KIND         refused for a CHECK, UNIQUE, FOREIGN_KEY or NOT_NULL rule
--   refused RAISE text   refused by a trigger with this message
-- Ids are given explicitly where a test needs to refer to a row. Times are the wiki's ISO-8601 text.

-- Places, organisations, a koppelzone with two parties, two accounts
-- expect: ok 1
INSERT INTO municipality (id, slug, name, jeugdregio) VALUES (1, 'tilburg', 'Tilburg', 'Hart van Brabant');
INSERT INTO municipality (id, slug, name) VALUES (2, 'breda', 'Breda');
-- expect: refused CHECK
INSERT INTO municipality (id, slug, name) VALUES (3, 'Den-Bosch', 'Den Bosch');
-- expect: refused CHECK
INSERT INTO municipality (id, slug, name) VALUES (3, 'den bosch', 'Den Bosch');
-- expect: refused UNIQUE
INSERT INTO municipality (id, slug, name) VALUES (3, 'tilburg', 'Tilburg 2');
-- expect: refused NOT_NULL
INSERT INTO municipality (id, slug) VALUES (3, 'oss');
INSERT INTO organisation (id, slug, name, kind) VALUES (1, 'wijkteam-tilburg', 'Wijkteam Tilburg', 'lokaal_team');
INSERT INTO organisation (id, slug, name, kind) VALUES (2, 'zorgaanbieder-x', 'Zorgaanbieder X', 'aanbieder');
INSERT INTO organisation (id, slug, name, kind) VALUES (3, 'ggd-hvb', 'GGD Hart van Brabant', 'overig');
-- expect: refused CHECK
INSERT INTO organisation (id, slug, name, kind) VALUES (4, 'school-a', 'School A', 'school');
INSERT INTO koppelzone (id, slug, name, municipality_id, chair_organisation_id) VALUES (1, 'koppelzone-tilburg', 'Koppelzone Tilburg', 1, 1);
INSERT INTO koppelzone (id, slug, name, municipality_id, level) VALUES (2, 'koppelzone-breda', 'Koppelzone Breda', 2, 'regionaal');
-- expect: refused FOREIGN_KEY
INSERT INTO koppelzone (id, slug, name, municipality_id) VALUES (3, 'koppelzone-nergens', 'Nergens', 99);
-- expect: refused CHECK
INSERT INTO koppelzone (id, slug, name, municipality_id, level) VALUES (3, 'koppelzone-oss', 'Oss', 2, 'landelijk');
INSERT INTO koppelzone_party (koppelzone_id, organisation_id, joined_on) VALUES (1, 1, '2026-01-15');
INSERT INTO koppelzone_party (koppelzone_id, organisation_id, joined_on) VALUES (1, 2, '2026-03-01');
-- expect: refused CHECK
INSERT INTO koppelzone_party (koppelzone_id, organisation_id, joined_on) VALUES (2, 2, '1-3-2026');
INSERT INTO account (id, username, display_name, email, organisation_id, password_hash, is_admin, created_at)
    VALUES (1, 'anna.tilburg', 'Anna de Vries', 'anna@wijkteam.example', 1, '$argon2id$v=19$x', 1, '2026-01-10T09:00:00.000Z');
INSERT INTO account (id, username, display_name, organisation_id, created_at, language)
    VALUES (2, 'bram', 'Bram Jansen', 2, '2026-01-11T09:00:00.000Z', 'en');
-- expect: refused CHECK
INSERT INTO account (id, username, display_name, created_at) VALUES (3, 'Karel', 'Karel', '2026-01-11T09:00:00.000Z');
-- expect: refused CHECK
INSERT INTO account (id, username, display_name, created_at, language) VALUES (3, 'karel', 'Karel', '2026-01-11T09:00:00.000Z', 'de');
-- expect: refused UNIQUE
INSERT INTO account (id, username, display_name, created_at) VALUES (3, 'bram', 'Bram 2', '2026-01-11T09:00:00.000Z');
INSERT INTO membership (account_id, koppelzone_id, role, since) VALUES (1, 1, 'voorzitter', '2026-01-10T09:00:00.000Z');

-- Agreements: each insert takes a change number and is counted for its koppelzone (the two parties
-- that joined took one each already)
-- expect: ok 1
INSERT INTO agreement (id, slug, koppelzone_id, created_at, updated_at)
    VALUES (1, 'warme-overdracht', 1, '2026-02-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z');
INSERT INTO agreement (id, slug, koppelzone_id, status, created_at, updated_at)
    VALUES (2, 'terugkoppeling-huisarts', 1, 'concept', '2026-02-02T10:00:00.000Z', '2026-02-02T10:00:00.000Z');
INSERT INTO agreement (id, slug, koppelzone_id, created_at, updated_at)
    VALUES (3, 'wachtlijst-overbrugging', 2, '2026-02-03T10:00:00.000Z', '2026-02-03T10:00:00.000Z');
-- expect: ok 1
UPDATE change_counter SET value = value WHERE value = 5;
-- expect: refused CHECK
INSERT INTO agreement (id, slug, koppelzone_id, status, created_at, updated_at)
    VALUES (4, 'x', 1, 'gepubliceerd', '2026-02-03T10:00:00.000Z', '2026-02-03T10:00:00.000Z');
-- expect: refused CHECK
INSERT INTO agreement (id, slug, koppelzone_id, review_date, created_at, updated_at)
    VALUES (4, 'x', 1, '2026-13', '2026-02-03T10:00:00.000Z', '2026-02-03T10:00:00.000Z');
-- expect: refused UNIQUE
INSERT INTO agreement (id, slug, koppelzone_id, created_at, updated_at)
    VALUES (4, 'warme-overdracht', 1, '2026-02-03T10:00:00.000Z', '2026-02-03T10:00:00.000Z');
-- a refused statement took no change number
-- expect: ok 1
UPDATE change_counter SET value = value WHERE value = 5;
INSERT INTO agreement_party (agreement_id, organisation_id) VALUES (1, 1);
INSERT INTO agreement_party (agreement_id, organisation_id) VALUES (1, 2);
INSERT INTO agreement_theme (agreement_id, theme) VALUES (1, 'overdracht');
INSERT INTO agreement_theme (agreement_id, theme) VALUES (2, 'huisarts');
DELETE FROM agreement_theme WHERE agreement_id = 2;
-- expect: ok 1
UPDATE change_counter SET value = value WHERE value = 10;

-- Revisions are append-only
INSERT INTO revision (id, agreement_id, number, title, body, author_name, created_at, sha256, author_account_id)
    VALUES (1, 1, 1, 'Warme overdracht', 'Het wijkteam belt de aanbieder.', 'Anna de Vries', '2026-02-01T10:00:00.000Z',
            'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 1);
INSERT INTO revision (id, agreement_id, number, title, body, author_name, created_at, summary, base_number, sha256)
    VALUES (2, 1, 2, 'Warme overdracht', 'Het wijkteam belt de aanbieder binnen twee dagen.', 'Bram Jansen',
            '2026-02-05T10:00:00.000Z', 'termijn', 1, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb');
INSERT INTO revision (id, agreement_id, number, title, body, author_name, created_at, sha256)
    VALUES (3, 2, 1, 'Terugkoppeling', 'De huisarts hoort het binnen een week.', 'Anna de Vries', '2026-02-02T10:00:00.000Z',
            'cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc');
-- expect: refused UNIQUE
INSERT INTO revision (id, agreement_id, number, title, body, author_name, created_at, sha256)
    VALUES (4, 1, 2, 'Dubbel', 'x', 'Anna de Vries', '2026-02-06T10:00:00.000Z',
            'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd');
-- expect: refused CHECK
INSERT INTO revision (id, agreement_id, number, title, body, author_name, created_at, sha256)
    VALUES (4, 1, 3, 'Korte vingerafdruk', 'x', 'Anna de Vries', '2026-02-06T10:00:00.000Z', 'abc');
-- expect: refused FOREIGN_KEY
INSERT INTO revision (id, agreement_id, number, title, body, author_name, created_at, sha256)
    VALUES (4, 42, 1, 'Zonder afspraak', 'x', 'Anna de Vries', '2026-02-06T10:00:00.000Z',
            'dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd');
-- expect: refused RAISE revisions are append-only
UPDATE revision SET body = 'vervalst' WHERE id = 1;
-- expect: refused RAISE revisions are append-only
DELETE FROM revision WHERE id = 1;
-- expect: refused RAISE revisions are append-only
DELETE FROM revision;
UPDATE agreement SET current_revision = 2, updated_at = '2026-02-05T10:00:00.000Z' WHERE id = 1;
UPDATE agreement SET current_revision = 1 WHERE id = 2;

-- A redaction may change the text of a revision it has marked, nothing else about it
INSERT INTO redaction_pending (revision_id) VALUES (1);
-- expect: ok 1
UPDATE revision SET body = 'Het wijkteam belt [verwijderd].', sha256 = 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee' WHERE id = 1;
-- expect: refused RAISE revisions are append-only
UPDATE revision SET author_name = 'Iemand anders' WHERE id = 1;
-- expect: refused RAISE revisions are append-only
UPDATE revision SET number = 7 WHERE id = 1;
-- expect: refused RAISE revisions are append-only
UPDATE revision SET agreement_id = 2 WHERE id = 1;
-- expect: refused RAISE revisions are append-only
UPDATE revision SET created_at = '2026-01-01T00:00:00.000Z' WHERE id = 1;
-- expect: refused RAISE revisions are append-only
UPDATE revision SET base_number = 1 WHERE id = 1;
-- expect: refused RAISE revisions are append-only
UPDATE revision SET id = 9 WHERE id = 1;
-- expect: ok 1
UPDATE revision SET title = 'Warme overdracht (geschoond)', summary = 'geschoond' WHERE id = 1;
-- expect: refused RAISE revisions are append-only
UPDATE revision SET body = 'nog een keer' WHERE id = 2;
DELETE FROM redaction_pending WHERE revision_id = 1;
-- expect: refused RAISE revisions are append-only
UPDATE revision SET body = 'en weer' WHERE id = 1;

-- The audit log is append-only
INSERT INTO audit_event (id, at, actor, action, target, actor_account_id, koppelzone_id)
    VALUES (1, '2026-02-01T10:00:00.000Z', 'Anna de Vries', 'agreement.create', 'agreement:1', 1, 1);
INSERT INTO audit_event (id, at, actor, action, target, details) VALUES (2, '2026-02-01T10:01:00.000Z', 'systeem', 'import', 'wiki', '{"n":3}');
-- expect: refused RAISE the audit log is append-only
UPDATE audit_event SET actor = 'x' WHERE id = 1;
-- expect: refused RAISE the audit log is append-only
DELETE FROM audit_event WHERE id = 2;

-- Endorsement: a round closes once; one open round per agreement; decisions are kept as given
INSERT INTO endorsement_round (id, agreement_id, revision_number, sha256, proposed_by, proposed_by_account_id, proposed_at)
    VALUES (1, 1, 2, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'Anna de Vries', 1, '2026-02-06T10:00:00.000Z');
-- expect: refused UNIQUE
INSERT INTO endorsement_round (id, agreement_id, revision_number, sha256, proposed_by, proposed_at)
    VALUES (2, 1, 2, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'Bram Jansen', '2026-02-06T11:00:00.000Z');
-- expect: refused CHECK
UPDATE endorsement_round SET closed_at = '2026-02-07T10:00:00.000Z' WHERE id = 1;
INSERT INTO endorsement (id, round_id, agreement_id, revision_number, sha256, organisation_id, account_id, person_name, decision, decided_at)
    VALUES (1, 1, 1, 2, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 1, 1, 'Anna de Vries', 'endorse', '2026-02-06T12:00:00.000Z');
-- expect: refused CHECK
INSERT INTO endorsement (id, round_id, agreement_id, revision_number, sha256, organisation_id, person_name, decision, remark, decided_at)
    VALUES (2, 1, 1, 2, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 2, 'Bram Jansen', 'decline', '   ', '2026-02-06T12:00:00.000Z');
INSERT INTO endorsement (id, round_id, agreement_id, revision_number, sha256, organisation_id, person_name, decision, remark, decided_at)
    VALUES (2, 1, 1, 2, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 2, 'Bram Jansen', 'decline', 'Twee dagen is te kort.', '2026-02-06T12:00:00.000Z');
-- expect: refused RAISE endorsements are append-only
UPDATE endorsement SET decision = 'endorse' WHERE id = 2;
-- expect: refused RAISE endorsements are append-only
DELETE FROM endorsement WHERE id = 1;
-- expect: ok 1
UPDATE endorsement_round SET closed_at = '2026-02-07T10:00:00.000Z', outcome = 'bekrachtigd', closed_by = 'Anna de Vries' WHERE id = 1;
-- expect: refused RAISE an endorsement round only closes, once
UPDATE endorsement_round SET outcome = 'ingetrokken' WHERE id = 1;
-- expect: refused RAISE endorsement rounds are kept
DELETE FROM endorsement_round WHERE id = 1;
-- the round is closed: a new one may open
INSERT INTO endorsement_round (id, agreement_id, revision_number, sha256, proposed_by, proposed_at, imported)
    VALUES (2, 1, 2, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'Bram Jansen', '2026-02-08T11:00:00.000Z', 1);

-- Publishing: the counts follow status and endorsed revision; so do change numbers
UPDATE agreement SET status = 'bekrachtigd', endorsed_revision = 2, endorsed_at = '2026-02-07T10:00:00.000Z' WHERE id = 1;
UPDATE agreement SET status = 'ter_bekrachtiging' WHERE id = 2;
UPDATE agreement SET koppelzone_id = 2 WHERE id = 2;
UPDATE agreement SET status = 'vervallen', retired_at = '2026-03-01T10:00:00.000Z', retired_reason = 'vervangen' WHERE id = 3;
-- expect: ok 1
UPDATE koppelzone_agreement_count SET all_count = all_count WHERE koppelzone_id = 1 AND all_count = 1 AND published = 1;
-- expect: ok 1
UPDATE koppelzone_agreement_count SET all_count = all_count WHERE koppelzone_id = 2 AND all_count = 2 AND published = 0;

-- Adoption: the source's change number moves with the adopter's status
INSERT INTO agreement (id, slug, koppelzone_id, created_at, updated_at)
    VALUES (5, 'warme-overdracht', 2, '2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.000Z');
-- expect: refused CHECK
INSERT INTO adoption (agreement_id, source_agreement_id, source_revision, synced_revision, adopted_by, adopted_at)
    VALUES (5, 5, 2, 2, 'Bram Jansen', '2026-03-02T10:00:00.000Z');
INSERT INTO adoption (agreement_id, source_agreement_id, source_revision, synced_revision, adopted_by, adopted_by_account_id, adopted_at)
    VALUES (5, 1, 2, 2, 'Bram Jansen', 2, '2026-03-02T10:00:00.000Z');
UPDATE agreement SET status = 'ter_bekrachtiging' WHERE id = 5;
-- expect: refused RAISE the lineage of an agreement is kept
DELETE FROM adoption WHERE agreement_id = 5;
UPDATE koppelzone SET name = 'Koppelzone Breda e.o.' WHERE id = 2;
UPDATE municipality SET jeugdregio = 'West-Brabant Oost' WHERE id = 2;
UPDATE organisation SET name = 'Wijkteam Tilburg-Noord', version = 2 WHERE id = 1;

-- Discussion, experiences and the privacy register's queue
INSERT INTO comment (id, agreement_id, account_id, author_name, body, revision_number, block_index, block_sha256, created_at)
    VALUES (1, 1, 1, 'Anna de Vries', 'Wie belt er als het wijkteam vol zit?', 2, 0,
            'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', '2026-02-09T10:00:00.000Z');
-- expect: refused CHECK
INSERT INTO comment (id, agreement_id, account_id, author_name, body, revision_number, block_index, created_at)
    VALUES (2, 1, 1, 'Anna de Vries', 'Alleen een blok', 2, 3, '2026-02-09T10:00:00.000Z');
INSERT INTO comment (id, agreement_id, reply_to, account_id, author_name, body, revision_number, created_at)
    VALUES (2, 1, 1, 2, 'Bram Jansen', 'De coördinator.', 2, '2026-02-09T11:00:00.000Z');
INSERT INTO comment_edit (id, comment_id, body, replaced_at) VALUES (1, 2, 'De coordinator', '2026-02-09T11:05:00.000Z');
UPDATE comment SET body = 'De coördinator van dienst.', edited_at = '2026-02-09T11:05:00.000Z' WHERE id = 2;
-- expect: refused RAISE comments are never deleted
DELETE FROM comment WHERE id = 2;
-- expect: refused RAISE comment history is append-only
UPDATE comment_edit SET body = 'anders' WHERE id = 1;
INSERT INTO experience (id, agreement_id, account_id, author_name, organisation_id, adopted, body, created_at)
    VALUES (1, 1, 2, 'Bram Jansen', 2, 0, 'Werkt goed: minder uitval bij de start.', '2026-03-05T10:00:00.000Z');
-- expect: refused RAISE an experience is kept as written
UPDATE experience SET body = 'Werkt niet.' WHERE id = 1;
-- expect: ok 1
UPDATE experience SET hidden_at = '2026-03-06T10:00:00.000Z', hidden_by = 'Anna de Vries', hidden_reason = 'dubbel' WHERE id = 1;
-- expect: refused CHECK
UPDATE experience SET hidden_at = NULL WHERE id = 1;

-- Privacy confirmations: only for known kinds of text, append-only
INSERT INTO text_privacy_confirmation (source, source_id, fingerprint, kind, confidence, account_id, at)
    VALUES ('comment', 1, 'f00d', 'telefoon', 'high', 1, '2026-03-07T10:00:00.000Z');
-- expect: refused RAISE unknown source of a privacy confirmation
INSERT INTO text_privacy_confirmation (source, source_id, fingerprint, kind, confidence, at)
    VALUES ('brief', 1, 'f00d', 'telefoon', 'high', '2026-03-07T10:00:00.000Z');
-- expect: refused RAISE privacy confirmations are append-only
DELETE FROM text_privacy_confirmation;

-- Meetings: a cancellation needs a reason; a cancelled meeting does not change
INSERT INTO meeting (id, koppelzone_id, starts_at, ends_at, location, created_by, created_at)
    VALUES (1, 1, '2026-04-01T09:00:00.000Z', '2026-04-01T11:00:00.000Z', 'Stadskantoor', 'Anna de Vries', '2026-03-01T10:00:00.000Z');
-- expect: refused CHECK
INSERT INTO meeting (id, koppelzone_id, starts_at, ends_at, created_by, created_at)
    VALUES (2, 1, '2026-04-01T11:00:00.000Z', '2026-04-01T09:00:00.000Z', 'Anna de Vries', '2026-03-01T10:00:00.000Z');
-- expect: refused RAISE a cancellation needs a reason and a planned meeting
UPDATE meeting SET cancelled_at = '2026-03-20T10:00:00.000Z', cancelled_by = 'Anna de Vries' WHERE id = 1;
-- expect: ok 1
UPDATE meeting SET cancelled_at = '2026-03-20T10:00:00.000Z', cancelled_by = 'Anna de Vries', cancel_reason = 'Ziekte' WHERE id = 1;
-- expect: refused RAISE a cancelled meeting does not change
UPDATE meeting SET location = 'Elders' WHERE id = 1;

-- Waardelekken: only a solved one is published
-- expect: refused CHECK
INSERT INTO leak (id, koppelzone_id, moment, title, description, frequency, published, author_name, created_at, updated_at)
    VALUES (1, 1, 'aanmelding', 'Wachttijd', 'Gezinnen wachten.', 'wekelijks', 1, 'Anna de Vries', '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z');
INSERT INTO leak (id, koppelzone_id, moment, title, description, frequency, author_name, created_at, updated_at)
    VALUES (1, 1, 'aanmelding', 'Wachttijd', 'Gezinnen wachten.', 'wekelijks', 'Anna de Vries', '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z');
INSERT INTO leak_agreement (leak_id, agreement_id, linked_at) VALUES (1, 1, '2026-03-02T10:00:00.000Z');
UPDATE leak SET status = 'opgelost', published = 1, updated_at = '2026-03-03T10:00:00.000Z' WHERE id = 1;
DELETE FROM leak_agreement WHERE leak_id = 1;

-- What the change numbers came to
-- expect: ok 1
UPDATE change_counter SET value = value WHERE id = 1 AND value = 28;

-- Login sessions (V036): found by the SHA-256 of their id (the attributes written as text here, which both
-- accept in a binary column; the row is gone again before the tables are compared)
-- expect: ok 1
INSERT INTO web_session (id_sha256, username, created, accessed, last_accessed, cookie_set, expiry, max_inactive, last_saved, attributes)
    VALUES ('abababababababababababababababababababababababababababababababab', 'anna.tilburg', 1, 2, 1, 1, 28800002, 28800000, 2, '\xaced0005');
-- expect: refused CHECK
INSERT INTO web_session (id_sha256, created, accessed, last_accessed, cookie_set, expiry, max_inactive, last_saved, attributes)
    VALUES ('kort', 1, 2, 1, 1, 0, 0, 2, '\x00');
-- expect: refused UNIQUE
INSERT INTO web_session (id_sha256, created, accessed, last_accessed, cookie_set, expiry, max_inactive, last_saved, attributes)
    VALUES ('abababababababababababababababababababababababababababababababab', 1, 2, 1, 1, 0, 0, 2, '\x00');
-- expect: ok 1
DELETE FROM web_session WHERE username = 'anna.tilburg' AND id_sha256 <> '';

-- The login throttle's failures (V037)
-- expect: ok 1
INSERT INTO login_failure (subject, at) VALUES ('u:anna.tilburg', 1765000000000);
-- expect: refused CHECK
INSERT INTO login_failure (subject, at) VALUES ('u', 1765000000000);
-- expect: refused NOT_NULL
INSERT INTO login_failure (subject) VALUES ('a:127.0.0.1');
