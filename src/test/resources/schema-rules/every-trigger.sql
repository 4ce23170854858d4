-- Every trigger of the schema on its accepting and its refusing paths (redaction pending and not),
-- with the CHECK, UNIQUE, FOREIGN KEY and NOT NULL rules of every table: the statements the schema's
-- translation to PostgreSQL was checked with, run by PostgresSchemaTest like statements.sql (see there
-- for the format). A refusal is written below as what it must be; an accepted statement is compared
-- with what SQLite does. Some statements here give several agreements a change number, or queue
-- several texts, at once: which row gets which number is left open by SQL, so after this file the
-- change numbers and the queue's order are not compared (statements.sql compares them exactly).

INSERT INTO municipality (id, slug, name, jeugdregio) VALUES (1, 'utrecht', 'Utrecht', 'U16');
INSERT INTO municipality (id, slug, name) VALUES (2, 'zeist', 'Zeist');
-- expect: refused CHECK
INSERT INTO municipality (id, slug, name) VALUES (3, 'Zeist', 'Zeist hoofdletter');
-- expect: refused CHECK
INSERT INTO municipality (id, slug, name) VALUES (3, 'ze_ist', 'Zeist');
-- expect: refused UNIQUE
INSERT INTO municipality (id, slug, name) VALUES (3, 'zeist', 'Zeist twee');
-- expect: refused CHECK
INSERT INTO municipality (id, slug, name) VALUES (3, 'zéist', 'Zeist');
INSERT INTO organisation (id, slug, name, kind) VALUES (1, 'team-a', 'Team A', 'lokaal_team');
INSERT INTO organisation (id, slug, name, kind) VALUES (2, 'aanbieder-b', 'Aanbieder B', 'aanbieder');
INSERT INTO organisation (id, slug, name, kind) VALUES (3, 'huisarts-c', 'Huisarts C', 'huisarts');
-- expect: refused CHECK
INSERT INTO organisation (id, slug, name, kind) VALUES (4, 'x', 'X', 'onbekend');
-- expect: refused CHECK
INSERT INTO organisation (id, slug, name, kind, version) VALUES (4, 'x', 'X', 'overig', 0);
INSERT INTO koppelzone (id, slug, name, municipality_id, chair_organisation_id) VALUES (1, 'kz-utrecht', 'KZ Utrecht', 1, 1);
INSERT INTO koppelzone (id, slug, name, municipality_id, level) VALUES (2, 'kz-zeist', 'KZ Zeist', 2, 'regionaal');
-- expect: refused FOREIGN_KEY
INSERT INTO koppelzone (id, slug, name, municipality_id) VALUES (3, 'kz-nergens', 'KZ', 99);
INSERT INTO account (id, username, display_name, email, organisation_id, created_at) VALUES (1, 'anna', 'Anna', 'Anna@Example.nl', 1, '2026-01-01T00:00:00.000Z');
INSERT INTO account (id, username, display_name, organisation_id, created_at) VALUES (2, 'bob.b_2-x', 'Bob', 2, '2026-01-01T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO account (id, username, display_name, created_at) VALUES (3, 'Bob', 'Bob', '2026-01-01T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO account (id, username, display_name, created_at, is_admin) VALUES (3, 'carla', 'Carla', '2026-01-01T00:00:00.000Z', 2);
-- expect: refused CHECK
INSERT INTO account (id, username, display_name, created_at, language) VALUES (3, 'carla', 'Carla', '2026-01-01T00:00:00.000Z', 'de');
INSERT INTO koppelzone_party (koppelzone_id, organisation_id, joined_on) VALUES (1, 1, '2026-01-01');
-- expect: refused CHECK
INSERT INTO koppelzone_party (koppelzone_id, organisation_id, joined_on) VALUES (1, 2, '2026-1-01');
-- expect: refused CHECK
INSERT INTO koppelzone_party (koppelzone_id, organisation_id, joined_on) VALUES (1, 2, '2026-01-01 ');
-- expect: refused CHECK
INSERT INTO koppelzone_party (koppelzone_id, organisation_id, joined_on) VALUES (1, 2, '2026-01-0a');
INSERT INTO koppelzone_party (koppelzone_id, organisation_id, joined_on) VALUES (1, 2, '2026-02-01');
INSERT INTO agreement (id, slug, koppelzone_id, created_at, updated_at) VALUES (1, 'overdracht', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
INSERT INTO agreement (id, slug, koppelzone_id, created_at, updated_at) VALUES (2, 'wachtlijst', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
INSERT INTO agreement (id, slug, koppelzone_id, status, endorsed_revision, created_at, updated_at) VALUES (3, 'overdracht', 2, 'bekrachtigd', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
-- expect: refused UNIQUE
INSERT INTO agreement (id, slug, koppelzone_id, created_at, updated_at) VALUES (4, 'overdracht', 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO agreement (id, slug, koppelzone_id, review_date, created_at, updated_at) VALUES (4, 'x', 2, '2026-13', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO agreement (id, slug, koppelzone_id, status, created_at, updated_at) VALUES (4, 'x', 2, 'weg', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
INSERT INTO agreement (id, slug, koppelzone_id, review_date, created_at, updated_at) VALUES (4, 'tijdelijk', 2, '2027-01-01', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
UPDATE agreement SET current_revision = 1, updated_at = '2026-01-02T00:00:00.000Z' WHERE id = 1;
UPDATE agreement SET status = 'concept' WHERE id = 1;
UPDATE agreement SET change_seq = change_seq WHERE id = 2;
INSERT INTO agreement_party (agreement_id, organisation_id) VALUES (1, 1);
INSERT INTO agreement_party (agreement_id, organisation_id) VALUES (1, 2);
INSERT INTO agreement_party (agreement_id, organisation_id) SELECT 2, id FROM organisation WHERE id IN (1, 2);
-- expect: refused FOREIGN_KEY
INSERT INTO agreement_party (agreement_id, organisation_id) VALUES (99, 1);
DELETE FROM agreement_party WHERE agreement_id = 1 AND organisation_id = 2;
INSERT INTO agreement_theme (agreement_id, theme) VALUES (1, 'veiligheid');
-- expect: refused CHECK
INSERT INTO agreement_theme (agreement_id, theme) VALUES (1, '');
DELETE FROM agreement_theme WHERE agreement_id = 1;
INSERT INTO agreement_theme (agreement_id, theme) VALUES (1, 'zorg'), (2, 'zorg');
UPDATE koppelzone SET name = 'KZ Utrecht-Stad' WHERE id = 1;
UPDATE koppelzone SET description = 'geen naam' WHERE id = 1;
UPDATE municipality SET jeugdregio = 'U17' WHERE id = 1;
UPDATE municipality SET name = 'Zeist' WHERE id = 2;
UPDATE organisation SET name = 'Team A-stad' WHERE id = 1;
UPDATE organisation SET kind = 'overig' WHERE id = 2;
UPDATE organisation SET version = version + 1, changed_at = '2026-01-03T00:00:00.000Z', changed_by = 'x' WHERE id = 3;
INSERT INTO revision (id, agreement_id, number, title, body, author_name, created_at, sha256, author_account_id) VALUES (1, 1, 1, 'Overdracht', 'Tekst 06-12345678', 'Anna', '2026-01-01T00:00:00.000Z', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 1);
INSERT INTO revision (id, agreement_id, number, title, body, author_name, created_at, sha256) VALUES (2, 1, 2, 'Overdracht', 'Tekst twee', 'Anna', '2026-01-02T00:00:00.000Z', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
INSERT INTO revision (id, agreement_id, number, title, body, author_name, created_at, sha256) VALUES (3, 3, 1, 'Overdracht', 'Zeist', 'Bob', '2026-01-02T00:00:00.000Z', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
-- expect: refused UNIQUE
INSERT INTO revision (id, agreement_id, number, title, body, author_name, created_at, sha256) VALUES (4, 1, 2, 'Dubbel', 'x', 'Anna', '2026-01-02T00:00:00.000Z', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
-- expect: refused FOREIGN_KEY
INSERT INTO revision (id, agreement_id, number, title, body, author_name, created_at, sha256, author_account_id) VALUES (4, 1, 3, 'x', 'x', 'Anna', '2026-01-02T00:00:00.000Z', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 42);
-- expect: refused CHECK
INSERT INTO revision (id, agreement_id, number, title, body, author_name, created_at, sha256) VALUES (4, 1, 3, 'x', 'x', 'Anna', '2026-01-02T00:00:00.000Z', 'abc');
-- expect: refused RAISE revisions are append-only
UPDATE revision SET body = 'anders' WHERE id = 1;
-- expect: refused RAISE revisions are append-only
UPDATE revision SET created_at = created_at WHERE id = 1;
-- expect: refused RAISE revisions are append-only
DELETE FROM revision WHERE id = 2;
INSERT INTO redaction_pending (revision_id) VALUES (1);
UPDATE revision SET body = 'Tekst [verwijderd: persoonsgegeven]', sha256 = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' WHERE id = 1;
UPDATE revision SET summary = 'samenvatting' WHERE id = 1;
UPDATE revision SET sha256 = sha256 WHERE id = 1;
-- expect: refused RAISE revisions are append-only
UPDATE revision SET number = 5 WHERE id = 1;
-- expect: refused RAISE revisions are append-only
UPDATE revision SET base_number = 1 WHERE id = 1;
-- expect: refused RAISE revisions are append-only
UPDATE revision SET author_name = 'Bea' WHERE id = 1;
-- expect: refused RAISE revisions are append-only
UPDATE revision SET body = 'twee' WHERE id IN (1, 2);
DELETE FROM redaction_pending WHERE revision_id = 1;
-- expect: refused RAISE revisions are append-only
UPDATE revision SET title = 'Nieuw' WHERE id = 1;
INSERT INTO audit_event (id, at, actor, action, target, actor_account_id, koppelzone_id) VALUES (1, '2026-01-01T00:00:00.000Z', 'anna', 'create', 'agreement:1', 1, 1);
-- expect: refused FOREIGN_KEY
INSERT INTO audit_event (id, at, actor, action, target, actor_account_id) VALUES (2, '2026-01-01T00:00:00.000Z', 'x', 'y', 'z', 77);
-- expect: refused RAISE the audit log is append-only
UPDATE audit_event SET actor = 'bob' WHERE id = 1;
-- expect: refused RAISE the audit log is append-only
DELETE FROM audit_event WHERE id = 1;
INSERT INTO membership (account_id, koppelzone_id, role, since) VALUES (1, 1, 'voorzitter', '2026-01-01T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO membership (account_id, koppelzone_id, role, since) VALUES (2, 1, 'baas', '2026-01-01T00:00:00.000Z');
INSERT INTO api_token (id, account_id, label, token_hash, created_at) VALUES (1, 1, 'cli', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2026-01-01T00:00:00.000Z');
-- expect: refused UNIQUE
INSERT INTO api_token (id, account_id, label, token_hash, created_at) VALUES (2, 1, 'cli2', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2026-01-01T00:00:00.000Z');
INSERT INTO instance_setting (key, value) VALUES ('naam', 'Afsprakenwiki');
-- expect: refused CHECK
INSERT INTO change_counter (id, value) VALUES (2, 0);
INSERT INTO endorsement_round (id, agreement_id, revision_number, sha256, proposed_by, proposed_by_account_id, proposed_at) VALUES (1, 1, 2, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'Anna', 1, '2026-01-03T00:00:00.000Z');
-- expect: refused UNIQUE
INSERT INTO endorsement_round (id, agreement_id, revision_number, sha256, proposed_by, proposed_at) VALUES (2, 1, 2, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'Anna', '2026-01-03T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO endorsement_round (id, agreement_id, revision_number, sha256, proposed_by, proposed_at, outcome) VALUES (2, 2, 1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'Anna', '2026-01-03T00:00:00.000Z', 'bekrachtigd');
-- expect: refused RAISE an endorsement round only closes, once
UPDATE endorsement_round SET sha256 = 'cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc' WHERE id = 1;
UPDATE endorsement_round SET closed_reason = 'nog open' WHERE id = 1;
INSERT INTO endorsement (id, round_id, agreement_id, revision_number, sha256, organisation_id, account_id, person_name, decision, remark, decided_at) VALUES (1, 1, 1, 2, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 1, 1, 'Anna', 'endorse', '', '2026-01-04T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO endorsement (id, round_id, agreement_id, revision_number, sha256, organisation_id, person_name, decision, remark, decided_at) VALUES (2, 1, 1, 2, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 2, 'Bob', 'decline', '  ', '2026-01-04T00:00:00.000Z');
INSERT INTO endorsement (id, round_id, agreement_id, revision_number, sha256, organisation_id, person_name, decision, remark, decided_at) VALUES (2, 1, 1, 2, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 2, 'Bob', 'decline', 'Bel 06-12345678', '2026-01-04T00:00:00.000Z');
-- expect: refused RAISE endorsements are append-only
UPDATE endorsement SET remark = 'x' WHERE id = 2;
INSERT INTO redaction_pending_text (source, source_id) VALUES ('remark', 2);
UPDATE endorsement SET remark = 'Bel [verwijderd: persoonsgegeven]' WHERE id = 2;
-- expect: refused RAISE endorsements are append-only
UPDATE endorsement SET decision = 'endorse' WHERE id = 2;
-- expect: refused RAISE endorsements are append-only
UPDATE endorsement SET account_id = 1 WHERE id = 2;
DELETE FROM redaction_pending_text WHERE source = 'remark';
-- expect: refused RAISE endorsements are append-only
DELETE FROM endorsement WHERE id = 1;
UPDATE endorsement_round SET closed_at = '2026-01-05T00:00:00.000Z', outcome = 'ingetrokken', closed_by = 'Anna' WHERE id = 1;
-- expect: refused RAISE an endorsement round only closes, once
UPDATE endorsement_round SET closed_reason = 'later' WHERE id = 1;
-- expect: refused RAISE endorsement rounds are kept
DELETE FROM endorsement_round WHERE id = 1;
INSERT INTO endorsement_round (id, agreement_id, revision_number, sha256, proposed_by, proposed_at) VALUES (2, 1, 2, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'Anna', '2026-01-06T00:00:00.000Z');
INSERT INTO acknowledgement (id, agreement_id, revision_number, organisation_id, account_id, person_name, acknowledged_at) VALUES (1, 3, 1, 1, 1, 'Anna', '2026-01-04T00:00:00.000Z');
-- expect: refused UNIQUE
INSERT INTO acknowledgement (id, agreement_id, revision_number, organisation_id, person_name, acknowledged_at) VALUES (2, 3, 1, 1, 'Anna', '2026-01-04T00:00:00.000Z');
-- expect: refused RAISE acknowledgements are append-only
UPDATE acknowledgement SET person_name = 'Bea' WHERE id = 1;
-- expect: refused RAISE acknowledgements are append-only
DELETE FROM acknowledgement WHERE id = 1;
-- expect: refused CHECK
INSERT INTO adoption (agreement_id, source_agreement_id, source_revision, synced_revision, adopted_by, adopted_at) VALUES (4, 4, 1, 1, 'Bob', '2026-01-05T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO adoption (agreement_id, source_agreement_id, source_revision, synced_revision, adopted_by, adopted_at) VALUES (4, 3, 2, 1, 'Bob', '2026-01-05T00:00:00.000Z');
INSERT INTO adoption (agreement_id, source_agreement_id, source_revision, synced_revision, adopted_by, adopted_by_account_id, adopted_at) VALUES (4, 3, 1, 1, 'Bob', 2, '2026-01-05T00:00:00.000Z');
-- expect: refused RAISE the lineage of an agreement is kept
DELETE FROM adoption WHERE agreement_id = 4;
UPDATE agreement SET status = 'bekrachtigd', endorsed_revision = 1, endorsed_at = '2026-01-06T00:00:00.000Z' WHERE id = 4;
UPDATE agreement SET endorsed_revision = 1 WHERE id = 4;
UPDATE agreement SET status = 'ter_bekrachtiging', proposed_revision = 2 WHERE id = 4;
UPDATE agreement SET updated_at = '2026-01-07T00:00:00.000Z' WHERE id = 4;
INSERT INTO source_proposal (id, source_agreement_id, from_agreement_id, from_revision, base_revision, title, body, proposed_by, proposed_at) VALUES (1, 3, 4, 1, 1, 'Voorstel', 'tekst', 'Bob', '2026-01-07T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO source_proposal (id, source_agreement_id, from_agreement_id, from_revision, base_revision, title, body, proposed_by, proposed_at, status) VALUES (2, 3, 4, 1, 1, 'Voorstel', 'tekst', 'Bob', '2026-01-07T00:00:00.000Z', 'aanvaard');
UPDATE source_proposal SET note = 'toelichting' WHERE id = 1;
UPDATE source_proposal SET status = 'afgewezen', decided_by = 'Anna', decided_at = '2026-01-08T00:00:00.000Z', reason = 'nee' WHERE id = 1;
-- expect: refused RAISE a proposal to the source is decided once
UPDATE source_proposal SET reason = 'toch' WHERE id = 1;
INSERT INTO redaction_pending_text (source, source_id) VALUES ('proposal', 1);
UPDATE source_proposal SET body = '[verwijderd: persoonsgegeven]', note = '' WHERE id = 1;
-- expect: refused RAISE a proposal to the source is decided once
UPDATE source_proposal SET reason = 'anders' WHERE id = 1;
DELETE FROM redaction_pending_text WHERE source = 'proposal';
-- expect: refused RAISE proposals to the source are kept
DELETE FROM source_proposal WHERE id = 1;
-- expect: refused CHECK
INSERT INTO meeting (id, koppelzone_id, starts_at, ends_at, created_by, created_at) VALUES (1, 1, '2026-02-01T10:00:00.000Z', '2026-02-01T09:00:00.000Z', 'Anna', '2026-01-01T00:00:00.000Z');
INSERT INTO meeting (id, koppelzone_id, starts_at, ends_at, created_by, created_at) VALUES (1, 1, '2026-02-01T10:00:00.000Z', '2026-02-01T12:00:00.000Z', 'Anna', '2026-01-01T00:00:00.000Z');
INSERT INTO meeting (id, koppelzone_id, starts_at, ends_at, created_by, created_at) VALUES (2, 1, '2026-03-01T10:00:00.000Z', '2026-03-01T12:00:00.000Z', 'Anna', '2026-01-01T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO meeting (id, koppelzone_id, starts_at, ends_at, created_by, created_at) VALUES (3, 2, 'b', 'B', 'Anna', '2026-01-01T00:00:00.000Z');
INSERT INTO meeting (id, koppelzone_id, starts_at, ends_at, created_by, created_at) VALUES (3, 2, 'a-c', 'ab', 'Anna', '2026-01-01T00:00:00.000Z');
UPDATE meeting SET location = 'Stadhuis', sequence = 1 WHERE id = 1;
-- expect: refused RAISE a cancellation needs a reason and a planned meeting
UPDATE meeting SET cancelled_at = '2026-01-10T00:00:00.000Z', cancelled_by = 'Anna' WHERE id = 1;
UPDATE meeting SET cancelled_at = '2026-01-10T00:00:00.000Z', cancelled_by = 'Anna', cancel_reason = 'ziek' WHERE id = 1;
-- expect: refused RAISE a cancelled meeting does not change
UPDATE meeting SET location = 'elders' WHERE id = 1;
-- expect: refused RAISE a cancellation needs a reason and a planned meeting
UPDATE meeting SET cancelled_at = '2026-01-11T00:00:00.000Z', cancel_reason = NULL WHERE id = 1;
UPDATE meeting SET status = 'gesloten', closed_at = '2026-03-01T12:00:00.000Z', closed_by = 'Anna' WHERE id = 2;
-- expect: refused RAISE a cancellation needs a reason and a planned meeting
UPDATE meeting SET cancelled_at = '2026-01-10T00:00:00.000Z', cancelled_by = 'Anna', cancel_reason = 'x' WHERE id = 2;
INSERT INTO meeting_invitee (meeting_id, account_id) VALUES (2, 1);
INSERT INTO meeting_presence (meeting_id, organisation_id, present, names) VALUES (2, 1, 1, 'Anna');
INSERT INTO meeting_item (id, meeting_id, position, kind, agreement_id, revision_number, title) VALUES (1, 2, 1, 'bekrachtiging', 1, 2, 'Overdracht');
INSERT INTO meeting_item (id, meeting_id, position, kind, title) VALUES (2, 2, 2, 'vrij', 'Waardelek');
-- expect: refused CHECK
INSERT INTO meeting_item (id, meeting_id, position, kind, title) VALUES (3, 2, 3, 'anders', 'x');
UPDATE meeting_item SET minutes = 'Besproken met mw. Jansen', minutes_saved_at = '2026-03-01T12:00:00.000Z' WHERE id = 1;
UPDATE meeting_item SET title = 'Overdracht bij 18+' WHERE id = 1;
INSERT INTO meeting_decision (id, meeting_id, item_id, agreement_id, revision_number, sha256, decision, note, decided_by, decided_at) VALUES (1, 2, 1, 1, 2, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'aangehouden', 'Bel 06-12345678', 'Anna', '2026-03-01T12:00:00.000Z');
-- expect: refused RAISE meeting decisions are append-only
UPDATE meeting_decision SET note = 'x' WHERE id = 1;
INSERT INTO redaction_pending_text (source, source_id) VALUES ('decision', 1);
UPDATE meeting_decision SET note = 'Bel [verwijderd: persoonsgegeven]' WHERE id = 1;
-- expect: refused RAISE meeting decisions are append-only
UPDATE meeting_decision SET review_date = '2027-01-01' WHERE id = 1;
DELETE FROM redaction_pending_text WHERE source = 'decision';
-- expect: refused RAISE meeting decisions are append-only
DELETE FROM meeting_decision WHERE id = 1;
INSERT INTO action_item (id, koppelzone_id, meeting_id, description, owner_account_id, owner_name, due_date, created_at) VALUES (1, 1, 2, 'Bellen', 1, 'Anna', '2026-04-01', '2026-03-01T12:00:00.000Z');
-- expect: refused CHECK
INSERT INTO action_item (id, koppelzone_id, meeting_id, description, owner_name, due_date, created_at) VALUES (2, 1, 2, 'Mailen', 'Anna', '01-04-2026', '2026-03-01T12:00:00.000Z');
UPDATE action_item SET description = 'Bellen met 06-12345678' WHERE id = 1;
UPDATE action_item SET status = 'gereed', done_at = '2026-03-02T00:00:00.000Z' WHERE id = 1;
INSERT INTO outbox (id, event_key, kind, account_id, address, subject, body_text, body_html, created_at, next_attempt_at) VALUES (1, 'round:1:proposed', 'round', 1, 'anna@example.nl', 'Voorstel', 't', 'h', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
-- expect: refused UNIQUE
INSERT INTO outbox (id, event_key, kind, account_id, address, subject, body_text, body_html, created_at, next_attempt_at) VALUES (2, 'round:1:proposed', 'round', 1, 'anna@example.nl', 'Voorstel', 't', 'h', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO outbox (id, event_key, kind, account_id, address, subject, body_text, body_html, created_at, next_attempt_at, state) VALUES (2, 'round:2:proposed', 'round', 1, 'anna@example.nl', 'Voorstel', 't', 'h', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'lost');
INSERT INTO follow (id, account_id, agreement_id, created_at) VALUES (1, 1, 1, '2026-01-01T00:00:00.000Z');
-- expect: refused UNIQUE
INSERT INTO follow (id, account_id, agreement_id, created_at) VALUES (2, 1, 1, '2026-01-01T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO follow (id, account_id, agreement_id, theme, created_at) VALUES (2, 1, 2, 'zorg', '2026-01-01T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO follow (id, account_id, created_at) VALUES (2, 1, '2026-01-01T00:00:00.000Z');
INSERT INTO follow (id, account_id, theme, created_at) VALUES (2, 1, 'zorg', '2026-01-01T00:00:00.000Z');
-- expect: refused UNIQUE
INSERT INTO follow (id, account_id, theme, created_at) VALUES (3, 1, 'zorg', '2026-01-01T00:00:00.000Z');
INSERT INTO notification_preference (account_id, kind, delivery) VALUES (1, 'round', 'digest');
INSERT INTO notification_setting (account_id, all_off) VALUES (1, 0);
INSERT INTO digest_item (id, event_key, kind, account_id, subject, created_at) VALUES (1, 'round:1:proposed', 'round', 1, 'Voorstel', '2026-01-01T00:00:00.000Z');
INSERT INTO daily_run (day, ran_at) VALUES ('2026-01-01', '2026-01-01T06:00:00.000Z');
-- expect: refused CHECK
INSERT INTO daily_run (day, ran_at) VALUES ('2026-01-01x', '2026-01-01T06:00:00.000Z');
-- expect: refused UNIQUE
INSERT INTO template (id, koppelzone_id, slug, created_at) VALUES (2, NULL, 'landelijk', '2026-01-01T00:00:00.000Z');
INSERT INTO template (id, koppelzone_id, slug, created_at) VALUES (2, 1, 'landelijk', '2026-01-01T00:00:00.000Z');
-- expect: refused UNIQUE
INSERT INTO template (id, koppelzone_id, slug, created_at) VALUES (3, 1, 'landelijk', '2026-01-01T00:00:00.000Z');
-- expect: refused RAISE template revisions are append-only
UPDATE template_revision SET name = 'x' WHERE id = 1;
-- expect: refused RAISE template revisions are append-only
DELETE FROM template_revision WHERE id = 1;
INSERT INTO comment (id, agreement_id, account_id, author_name, body, revision_number, created_at) VALUES (1, 1, 1, 'Anna', 'Eerste', 2, '2026-01-01T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO comment (id, agreement_id, account_id, author_name, body, revision_number, block_index, created_at) VALUES (2, 1, 1, 'Anna', 'x', 2, 1, '2026-01-01T00:00:00.000Z');
INSERT INTO comment (id, agreement_id, reply_to, account_id, author_name, body, revision_number, block_index, block_sha256, created_at) VALUES (2, 1, 1, 2, 'Bob', 'Antwoord', 2, 0, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2026-01-01T00:00:00.000Z');
-- expect: refused CHECK
UPDATE comment SET resolved_at = '2026-01-02T00:00:00.000Z', resolved_by = 'Bob' WHERE id = 2;
UPDATE comment SET body = 'Eerste, bewerkt', edited_at = '2026-01-02T00:00:00.000Z' WHERE id = 1;
UPDATE comment SET resolved_at = '2026-01-02T00:00:00.000Z', resolved_by = 'Bob' WHERE id = 1;
-- expect: refused RAISE comments are never deleted
DELETE FROM comment WHERE id = 2;
INSERT INTO comment_edit (id, comment_id, body, replaced_at) VALUES (1, 1, 'Eerste', '2026-01-02T00:00:00.000Z');
-- expect: refused RAISE comment history is append-only
UPDATE comment_edit SET body = 'x' WHERE id = 1;
INSERT INTO redaction_pending_comment (comment_id) VALUES (1);
UPDATE comment_edit SET body = '[verwijderd: persoonsgegeven]' WHERE id = 1;
-- expect: refused RAISE comment history is append-only
UPDATE comment_edit SET replaced_at = '2026-01-03T00:00:00.000Z' WHERE id = 1;
DELETE FROM redaction_pending_comment WHERE comment_id = 1;
-- expect: refused RAISE comment history is append-only
DELETE FROM comment_edit WHERE id = 1;
INSERT INTO experience (id, agreement_id, account_id, author_name, organisation_id, adopted, body, created_at) VALUES (1, 3, 1, 'Anna', 1, 0, 'Werkt goed', '2026-01-05T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO experience (id, agreement_id, account_id, author_name, adopted, adoption_agreement_id, body, created_at) VALUES (2, 3, 2, 'Bob', 0, 4, 'x', '2026-01-05T00:00:00.000Z');
INSERT INTO experience (id, agreement_id, account_id, author_name, adopted, adoption_agreement_id, body, created_at) VALUES (2, 1, 2, 'Bob', 1, 4, 'Overgenomen', '2026-01-05T00:00:00.000Z');
UPDATE experience SET hidden_at = '2026-01-06T00:00:00.000Z', hidden_by = 'Anna', hidden_reason = 'privacy' WHERE id = 1;
UPDATE experience SET hidden_reason = 'privacy, echt' WHERE id = 1;
UPDATE experience SET hidden_at = NULL, hidden_by = NULL WHERE id = 1;
-- expect: refused CHECK
UPDATE experience SET hidden_at = '2026-01-06T00:00:00.000Z' WHERE id = 1;
-- expect: refused RAISE an experience is kept as written
UPDATE experience SET body = 'Anders' WHERE id = 1;
-- expect: refused RAISE an experience is kept as written
UPDATE experience SET created_at = created_at WHERE id = 1;
INSERT INTO redaction_pending_text (source, source_id) VALUES ('experience', 1);
UPDATE experience SET body = '[verwijderd: persoonsgegeven]' WHERE id = 1;
UPDATE experience SET body = body WHERE id = 1;
UPDATE experience SET body = 'Nogmaals', hidden_at = '2026-01-07T00:00:00.000Z', hidden_by = 'Anna' WHERE id = 1;
-- expect: refused RAISE an experience is kept as written
UPDATE experience SET account_id = 2 WHERE id = 1;
DELETE FROM redaction_pending_text WHERE source = 'experience';
-- expect: refused RAISE experiences are hidden, not deleted
DELETE FROM experience WHERE id = 1;
INSERT INTO agreement_contact (agreement_id, account_id, set_by, set_at) VALUES (1, 1, 'Anna', '2026-01-01T00:00:00.000Z');
INSERT INTO revision_attachment (revision_id, name, sha256, size, type) VALUES (2, 'plan.pdf', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 10, 'pdf');
-- expect: refused CHECK
INSERT INTO revision_attachment (revision_id, name, sha256, size, type) VALUES (2, 'leeg.pdf', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 0, 'pdf');
-- expect: refused RAISE revision attachments are append-only
UPDATE revision_attachment SET size = 11;
-- expect: refused RAISE revision attachments are append-only
DELETE FROM revision_attachment;
INSERT INTO redaction (id, agreement_id, revision_number, spans, occurrences, old_sha256, new_sha256, reason, requested_by, requested_by_account_id, redacted_by, redacted_at) VALUES (1, 1, 1, '[]', 1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'telefoon', 'Anna', 1, 'Beheer', '2026-01-05T00:00:00.000Z');
INSERT INTO redaction (id, agreement_id, revision_number, spans, occurrences, old_sha256, new_sha256, reason, requested_by, requested_by_account_id, redacted_by, redacted_at, source_redaction_id) VALUES (2, 3, 1, '[]', 1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'herhaald', 'Anna', 1, 'Beheer', '2026-01-05T00:00:00.000Z', 1);
-- expect: refused RAISE redactions are append-only
UPDATE redaction SET reason = 'x' WHERE id = 1;
-- expect: refused RAISE redactions are append-only
DELETE FROM redaction WHERE id = 2;
INSERT INTO content_redaction (id, kind, comment_id, old_sha256, new_sha256, reason, requested_by, requested_by_account_id, redacted_by, redacted_at) VALUES (1, 'comment', 1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'naam', 'Anna', 1, 'Beheer', '2026-01-05T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO content_redaction (id, kind, comment_id, meeting_item_id, old_sha256, new_sha256, reason, requested_by, requested_by_account_id, redacted_by, redacted_at) VALUES (2, 'minutes', 1, 1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'naam', 'Anna', 1, 'Beheer', '2026-01-05T00:00:00.000Z');
-- expect: refused RAISE redactions are append-only
UPDATE content_redaction SET reason = 'x';
-- expect: refused RAISE redactions are append-only
DELETE FROM content_redaction;
INSERT INTO privacy_confirmation (revision_id, fingerprint, kind, confidence, account_id, at) VALUES (2, 'fp1', 'telefoon', 'high', 1, '2026-01-05T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO privacy_confirmation (revision_id, fingerprint, kind, confidence, at) VALUES (2, 'fp2', 'adres', 'high', '2026-01-05T00:00:00.000Z');
-- expect: refused RAISE privacy confirmations are append-only
UPDATE privacy_confirmation SET reason = 'x';
-- expect: refused RAISE privacy confirmations are append-only
DELETE FROM privacy_confirmation;
INSERT INTO organisation_phone (organisation_id, national, display, position) VALUES (1, '0301234567', '030 - 123 45 67', 0);
-- expect: refused CHECK
INSERT INTO organisation_phone (organisation_id, national, display, position) VALUES (1, '0012345678', 'x', 1);
-- expect: refused CHECK
INSERT INTO organisation_phone (organisation_id, national, display, position) VALUES (1, '030123456a', 'x', 1);
INSERT INTO organisation_phone (organisation_id, national, display, position) VALUES (3, '0612345678', '06 12345678', 0);
DELETE FROM organisation_phone WHERE organisation_id = 1;
INSERT INTO organisation_email_domain (organisation_id, domain, position) VALUES (2, 'jeugdteam.example.nl', 0);
-- expect: refused CHECK
INSERT INTO organisation_email_domain (organisation_id, domain, position) VALUES (2, 'Jeugdteam.example.nl', 1);
INSERT INTO organisation_email_domain (organisation_id, domain, position) VALUES (2, 'éxample.nl', 1);
INSERT INTO organisation_email_domain (organisation_id, domain, position) VALUES (2, 'Éxample.nl', 2);
-- expect: refused CHECK
INSERT INTO organisation_email_domain (organisation_id, domain, position) VALUES (2, 'a@b.nl', 3);
-- expect: refused CHECK
INSERT INTO organisation_email_domain (organisation_id, domain, position) VALUES (2, 'localhost', 3);
-- expect: refused CHECK
INSERT INTO organisation_email_domain (organisation_id, domain, position) VALUES (2, '.nl', 3);
DELETE FROM organisation_email_domain WHERE domain = 'éxample.nl';
INSERT INTO privacy_finding (id, source, source_id, field, koppelzone_id, agreement_id, revision_number, kind, confidence, fingerprint, start_offset, end_offset) VALUES (1, 'revision', 1, 'body', 1, 1, 1, 'telefoon', 'high', 'fp', 6, 17);
-- expect: refused CHECK
INSERT INTO privacy_finding (id, source, source_id, field, koppelzone_id, kind, confidence, fingerprint, start_offset, end_offset) VALUES (2, 'revision', 1, 'body', 1, 'telefoon', 'high', 'fp', 6, 6);
-- expect: refused CHECK
INSERT INTO redaction_pending_text (source, source_id) VALUES ('leak', 1);
INSERT INTO text_redaction (id, kind, source_id, koppelzone_id, old_sha256, new_sha256, reason, requested_by, requested_by_account_id, redacted_by, redacted_at) VALUES (1, 'remark', 2, 1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'telefoon', 'Anna', 1, 'Beheer', '2026-01-05T00:00:00.000Z');
-- expect: refused RAISE redactions are append-only
UPDATE text_redaction SET reason = 'x';
-- expect: refused RAISE redactions are append-only
DELETE FROM text_redaction;
INSERT INTO leak (id, koppelzone_id, moment, title, description, frequency, created_by, author_name, created_at, updated_at) VALUES (1, 1, 'overdracht', 'Dossier kwijt', 'Bij 18+', 'vaak', 1, 'Anna', '2026-01-05T00:00:00.000Z', '2026-01-05T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO leak (id, koppelzone_id, moment, title, description, frequency, published, author_name, created_at, updated_at) VALUES (2, 1, 'm', 't', 'd', 'f', 1, 'Anna', '2026-01-05T00:00:00.000Z', '2026-01-05T00:00:00.000Z');
INSERT INTO leak_party (leak_id, organisation_id) VALUES (1, 1), (1, 2);
INSERT INTO leak_agreement (leak_id, agreement_id, linked_at) VALUES (1, 1, '2026-01-05T00:00:00.000Z');
INSERT INTO leak_agreement (leak_id, agreement_id, linked_at) VALUES (1, 2, '2026-01-05T00:00:00.000Z');
DELETE FROM leak_agreement WHERE agreement_id = 2;
UPDATE leak SET title = 'Dossier zoek', updated_at = '2026-01-06T00:00:00.000Z' WHERE id = 1;
UPDATE leak SET frequency = 'soms' WHERE id = 1;
UPDATE leak SET status = 'opgelost', reason = 'afspraak', published = 1 WHERE id = 1;
UPDATE leak SET status = 'opgelost' WHERE id = 1;
-- expect: refused CHECK
UPDATE leak SET status = 'in_behandeling' WHERE id = 1;
UPDATE leak SET published = 0 WHERE id = 1;
INSERT INTO leak_event (id, leak_id, kind, status, detail, author_name, at) VALUES (1, 1, 'status', 'opgelost', 'afspraak met 06-12345678', 'Anna', '2026-01-06T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO leak_event (id, leak_id, kind, author_name, at) VALUES (2, 1, 'verloren', 'Anna', '2026-01-06T00:00:00.000Z');
-- expect: refused RAISE leak history is append-only
UPDATE leak_event SET detail = 'x' WHERE id = 1;
INSERT INTO redaction_pending_leak (kind, source_id) VALUES ('event', 1);
UPDATE leak_event SET detail = 'afspraak met [verwijderd: persoonsgegeven]' WHERE id = 1;
-- expect: refused RAISE leak history is append-only
UPDATE leak_event SET status = 'gesignaleerd' WHERE id = 1;
DELETE FROM redaction_pending_leak WHERE kind = 'event';
-- expect: refused RAISE leak history is append-only
DELETE FROM leak_event WHERE id = 1;
INSERT INTO leak_comment (id, leak_id, account_id, author_name, body, created_at) VALUES (1, 1, 1, 'Anna', 'Bel mw. Jansen', '2026-01-06T00:00:00.000Z');
-- expect: refused RAISE leak comments are append-only
UPDATE leak_comment SET body = 'x' WHERE id = 1;
INSERT INTO redaction_pending_leak (kind, source_id) VALUES ('comment', 1);
UPDATE leak_comment SET body = '[verwijderd: persoonsgegeven]' WHERE id = 1;
-- expect: refused RAISE leak comments are append-only
UPDATE leak_comment SET author_name = 'Bea' WHERE id = 1;
DELETE FROM redaction_pending_leak WHERE kind = 'comment';
-- expect: refused RAISE leak comments are append-only
DELETE FROM leak_comment WHERE id = 1;
INSERT INTO meeting_item_leak (item_id, leak_id) VALUES (2, 1);
INSERT INTO leak_redaction (id, leak_id, field, koppelzone_id, old_sha256, new_sha256, reason, requested_by, requested_by_account_id, redacted_by, redacted_at) VALUES (1, 1, 'example', 1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'naam', 'Anna', 1, 'Beheer', '2026-01-07T00:00:00.000Z');
-- expect: refused CHECK
INSERT INTO leak_redaction (id, leak_id, field, koppelzone_id, old_sha256, new_sha256, reason, requested_by, requested_by_account_id, redacted_by, redacted_at) VALUES (2, 1, 'comment', 1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'naam', 'Anna', 1, 'Beheer', '2026-01-07T00:00:00.000Z');
-- expect: refused RAISE redaction records are append-only
UPDATE leak_redaction SET reason = 'x';
-- expect: refused RAISE redaction records are append-only
DELETE FROM leak_redaction;
-- expect: refused RAISE unknown source of a privacy confirmation
INSERT INTO text_privacy_confirmation (source, source_id, fingerprint, kind, confidence, at) VALUES ('agreement', 1, 'fp', 'naam', 'high', '2026-01-07T00:00:00.000Z');
INSERT INTO text_privacy_confirmation (source, source_id, fingerprint, kind, confidence, at) VALUES ('comment', 1, 'fp', 'naam', 'high', '2026-01-07T00:00:00.000Z');
INSERT INTO text_privacy_confirmation (source, source_id, fingerprint, kind, confidence, at) VALUES ('experience', 2, 'fp', 'naam', 'high', '2026-01-07T00:00:00.000Z');
INSERT INTO text_privacy_confirmation (source, source_id, fingerprint, kind, confidence, at) VALUES ('experience', 99, 'fp', 'naam', 'high', '2026-01-07T00:00:00.000Z');
INSERT INTO text_privacy_confirmation (source, source_id, fingerprint, kind, confidence, at) VALUES ('topic', 2, 'fp', 'naam', 'high', '2026-01-07T00:00:00.000Z');
-- expect: refused UNIQUE
INSERT INTO text_privacy_confirmation (source, source_id, fingerprint, kind, confidence, at) VALUES ('topic', 2, 'fp', 'naam', 'high', '2026-01-07T00:00:00.000Z');
-- expect: refused RAISE privacy confirmations are append-only
UPDATE text_privacy_confirmation SET reason = 'x';
-- expect: refused RAISE privacy confirmations are append-only
DELETE FROM text_privacy_confirmation;
INSERT INTO text_privacy_source (code) VALUES ('nieuw');
INSERT INTO text_privacy_confirmation (source, source_id, fingerprint, kind, confidence, at) VALUES ('nieuw', 1, 'fp', 'naam', 'high', '2026-01-07T00:00:00.000Z');
INSERT INTO koppelzone_party (koppelzone_id, organisation_id, joined_on) VALUES (1, 3, '2026-03-01');
INSERT INTO koppelzone_party (koppelzone_id, organisation_id, joined_on) VALUES (2, 1, '2026-03-01');
DELETE FROM koppelzone_party WHERE koppelzone_id = 1 AND organisation_id = 3;
UPDATE koppelzone SET chair_organisation_id = 2 WHERE id = 1;
UPDATE koppelzone SET chair_organisation_id = 2 WHERE id = 1;
UPDATE koppelzone SET chair_organisation_id = 3, name = 'KZ Utrecht', slug = 'kz-utrecht-stad' WHERE id = 1;
UPDATE koppelzone SET chair_organisation_id = 1 WHERE id = 2;
INSERT INTO organisation_phone (organisation_id, national, display, position) VALUES (1, '0301234567', '030 - 123 45 67', 0);
INSERT INTO organisation_phone (organisation_id, national, display, position) VALUES (2, '0301234568', '030 - 123 45 68', 0);
DELETE FROM organisation_phone WHERE organisation_id = 2;
INSERT INTO organisation_email_domain (organisation_id, domain, position) VALUES (1, 'team-a.example.nl', 0);
DELETE FROM organisation_email_domain WHERE organisation_id = 1;
UPDATE organisation SET name = 'Team A' WHERE id = 1;
UPDATE municipality SET slug = 'utrecht-stad' WHERE id = 1;
UPDATE agreement SET status = 'bekrachtigd', endorsed_revision = 1 WHERE koppelzone_id = 1;
UPDATE agreement SET status = 'vervallen', retired_at = '2026-02-01T00:00:00.000Z', retired_reason = 'oud' WHERE id IN (2, 4);
INSERT INTO agreement (id, slug, koppelzone_id, created_at, updated_at) VALUES (5, 'los', 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
INSERT INTO agreement (id, slug, koppelzone_id, status, endorsed_revision, created_at, updated_at) SELECT id + 10, slug || '-kopie', 2, status, endorsed_revision, created_at, updated_at FROM agreement WHERE koppelzone_id = 1;
UPDATE agreement SET koppelzone_id = 1, slug = 'los-verhuisd' WHERE id = 5;
UPDATE agreement SET koppelzone_id = 1 WHERE id = 5;
DELETE FROM agreement WHERE id = 5;
DELETE FROM agreement WHERE id = 11;
-- expect: refused FOREIGN_KEY
DELETE FROM agreement WHERE id = 3;
UPDATE agreement SET current_revision = current_revision + 1 WHERE id IN (1, 2, 12);
UPDATE agreement SET change_seq = 0 WHERE id = 12;
-- expect: refused RAISE revisions are append-only
UPDATE revision SET body = 'x' WHERE agreement_id = 1;
INSERT INTO redaction_pending (revision_id) VALUES (2);
-- expect: refused RAISE revisions are append-only
UPDATE revision SET body = body || '.' WHERE agreement_id = 1;
DELETE FROM redaction_pending;
-- expect: refused CHECK
INSERT INTO agreement_theme (agreement_id, theme) VALUES (2, 'school'), (2, '');
INSERT INTO change_log (changed) VALUES ('agreement:1');
INSERT INTO change_log (changed) VALUES ('agreement:2');
DELETE FROM change_log WHERE seq <= (SELECT max(seq) FROM change_log) - 1;
