-- Redaction of the remaining texts (issue 17, point 3; docs/PRIVACY.md): besides a span of a revision, a
-- whole comment and an agenda item's minutes (V018), a beheerder - on the request of the koppelzone's
-- voorzitter - replaces a whole experience, a decision's note, an action item's description or an
-- endorsement's remark by "[verwijderd: persoonsgegeven]". Those rows are append-only (or kept as
-- written); as with revisions, only the text may change, and only while the redaction path has marked
-- the row here inside its own transaction.
CREATE TABLE redaction_pending_text (
    source     TEXT NOT NULL CHECK (source IN ('experience', 'decision', 'action', 'remark', 'proposal')),
    source_id  INTEGER NOT NULL,
    PRIMARY KEY (source, source_id)
);

DROP TRIGGER experience_text_kept;
CREATE TRIGGER experience_text_kept BEFORE UPDATE OF body, account_id, agreement_id, created_at ON experience
WHEN NOT EXISTS (SELECT 1 FROM redaction_pending_text WHERE source = 'experience' AND source_id = OLD.id)
   OR NEW.account_id IS NOT OLD.account_id OR NEW.agreement_id IS NOT OLD.agreement_id
   OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'an experience is kept as written');
END;

DROP TRIGGER meeting_decision_no_update;
CREATE TRIGGER meeting_decision_no_update BEFORE UPDATE ON meeting_decision
WHEN NOT EXISTS (SELECT 1 FROM redaction_pending_text WHERE source = 'decision' AND source_id = OLD.id)
   OR NEW.id IS NOT OLD.id OR NEW.meeting_id IS NOT OLD.meeting_id OR NEW.item_id IS NOT OLD.item_id
   OR NEW.agreement_id IS NOT OLD.agreement_id OR NEW.revision_number IS NOT OLD.revision_number
   OR NEW.sha256 IS NOT OLD.sha256 OR NEW.decision IS NOT OLD.decision OR NEW.review_date IS NOT OLD.review_date
   OR NEW.decided_by IS NOT OLD.decided_by OR NEW.decided_at IS NOT OLD.decided_at
BEGIN
    SELECT RAISE(ABORT, 'meeting decisions are append-only');
END;

DROP TRIGGER endorsement_no_update;
CREATE TRIGGER endorsement_no_update BEFORE UPDATE ON endorsement
WHEN NOT EXISTS (SELECT 1 FROM redaction_pending_text WHERE source = 'remark' AND source_id = OLD.id)
   OR NEW.id IS NOT OLD.id OR NEW.round_id IS NOT OLD.round_id OR NEW.agreement_id IS NOT OLD.agreement_id
   OR NEW.revision_number IS NOT OLD.revision_number OR NEW.sha256 IS NOT OLD.sha256
   OR NEW.organisation_id IS NOT OLD.organisation_id OR NEW.account_id IS NOT OLD.account_id
   OR NEW.person_name IS NOT OLD.person_name OR NEW.decision IS NOT OLD.decision
   OR NEW.decided_at IS NOT OLD.decided_at
BEGIN
    SELECT RAISE(ABORT, 'endorsements are append-only');
END;

-- A proposal to the source (V005) holds a copy of the adopter's text: a redaction of the source or the
-- copy removes the text from it too, and only then may its title, body and note change once it is decided.
DROP TRIGGER source_proposal_decided_once;
CREATE TRIGGER source_proposal_decided_once BEFORE UPDATE ON source_proposal
WHEN (NOT EXISTS (SELECT 1 FROM redaction_pending_text WHERE source = 'proposal' AND source_id = OLD.id)
      AND (OLD.status <> 'open' OR NEW.body IS NOT OLD.body OR NEW.title IS NOT OLD.title))
  OR (EXISTS (SELECT 1 FROM redaction_pending_text WHERE source = 'proposal' AND source_id = OLD.id)
      AND (NEW.id IS NOT OLD.id OR NEW.source_agreement_id IS NOT OLD.source_agreement_id
           OR NEW.from_agreement_id IS NOT OLD.from_agreement_id OR NEW.from_revision IS NOT OLD.from_revision
           OR NEW.base_revision IS NOT OLD.base_revision OR NEW.proposed_by IS NOT OLD.proposed_by
           OR NEW.proposed_at IS NOT OLD.proposed_at OR NEW.status IS NOT OLD.status
           OR NEW.decided_by IS NOT OLD.decided_by OR NEW.decided_at IS NOT OLD.decided_at
           OR NEW.reason IS NOT OLD.reason OR NEW.result_revision IS NOT OLD.result_revision))
BEGIN
    SELECT RAISE(ABORT, 'a proposal to the source is decided once');
END;

-- The record of such a redaction: like content_redaction (V018), which SQLite cannot widen in place.
-- The hashes are of the text before and after; never the text.
CREATE TABLE text_redaction (
    id                       INTEGER PRIMARY KEY,
    kind                     TEXT NOT NULL CHECK (kind IN ('experience', 'decision', 'action', 'remark')),
    source_id                INTEGER NOT NULL,
    koppelzone_id            INTEGER NOT NULL REFERENCES koppelzone (id),
    old_sha256               TEXT NOT NULL CHECK (length(old_sha256) = 64),
    new_sha256               TEXT NOT NULL CHECK (length(new_sha256) = 64),
    reason                   TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    requested_by             TEXT NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 100),
    requested_by_account_id  INTEGER NOT NULL REFERENCES account (id),
    redacted_by              TEXT NOT NULL CHECK (length(redacted_by) BETWEEN 1 AND 100),
    redacted_by_account_id   INTEGER REFERENCES account (id),
    redacted_at              TEXT NOT NULL
);
CREATE INDEX text_redaction_source ON text_redaction (kind, source_id);

CREATE TRIGGER text_redaction_no_update BEFORE UPDATE ON text_redaction
BEGIN
    SELECT RAISE(ABORT, 'redactions are append-only');
END;

CREATE TRIGGER text_redaction_no_delete BEFORE DELETE ON text_redaction
BEGIN
    SELECT RAISE(ABORT, 'redactions are append-only');
END;

-- The register of findings (V021) scans a redacted note or remark again.
CREATE TRIGGER privacy_scan_decision_update AFTER UPDATE OF note ON meeting_decision
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('decision', NEW.id);
END;
CREATE TRIGGER privacy_scan_remark_update AFTER UPDATE OF remark ON endorsement
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id) VALUES ('remark', NEW.id);
END;

-- A party's listed numbers and e-mail domains (V020) are no findings in its koppelzones: when they change,
-- every text of the koppelzones where the organisation is a party or the chair is scanned again.
CREATE VIEW privacy_organisation_zone (organisation_id, koppelzone_id) AS
    SELECT organisation_id, koppelzone_id FROM koppelzone_party
    UNION SELECT chair_organisation_id, id FROM koppelzone WHERE chair_organisation_id IS NOT NULL;

CREATE TRIGGER privacy_scan_phone_insert AFTER INSERT ON organisation_phone
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id)
        SELECT t.source, t.source_id FROM privacy_text_zone t
        WHERE t.koppelzone_id IN (SELECT koppelzone_id FROM privacy_organisation_zone WHERE organisation_id = NEW.organisation_id);
END;
CREATE TRIGGER privacy_scan_phone_delete AFTER DELETE ON organisation_phone
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id)
        SELECT t.source, t.source_id FROM privacy_text_zone t
        WHERE t.koppelzone_id IN (SELECT koppelzone_id FROM privacy_organisation_zone WHERE organisation_id = OLD.organisation_id);
END;
CREATE TRIGGER privacy_scan_domain_insert AFTER INSERT ON organisation_email_domain
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id)
        SELECT t.source, t.source_id FROM privacy_text_zone t
        WHERE t.koppelzone_id IN (SELECT koppelzone_id FROM privacy_organisation_zone WHERE organisation_id = NEW.organisation_id);
END;
CREATE TRIGGER privacy_scan_domain_delete AFTER DELETE ON organisation_email_domain
BEGIN
    INSERT OR REPLACE INTO privacy_scan_queue (source, source_id)
        SELECT t.source, t.source_id FROM privacy_text_zone t
        WHERE t.koppelzone_id IN (SELECT koppelzone_id FROM privacy_organisation_zone WHERE organisation_id = OLD.organisation_id);
END;
