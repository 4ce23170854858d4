-- The public document of an agreement in the search index counts only the experiences the public sees
-- (docs/SEARCH.md, docs/PRIVACY.md): visible ones without an unconfirmed privacy finding. Whatever can
-- change that number gives the agreement a new change number (see V003), so the index catches up by
-- itself. Adding, hiding and showing an experience already do (V016); here: confirming an experience's
-- findings, a redaction of its text, and a change of what the detector knows of the koppelzone's
-- parties (their listed numbers and e-mail domains, V020; its parties and its chair).

CREATE TRIGGER experience_confirmed AFTER INSERT ON text_privacy_confirmation
WHEN NEW.source = 'experience'
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1)
     WHERE id = (SELECT agreement_id FROM experience WHERE id = NEW.source_id);
END;

CREATE TRIGGER experience_text_changed AFTER UPDATE OF body ON experience
WHEN NEW.body IS NOT OLD.body
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE id = NEW.agreement_id;
END;

-- A koppelzone's parties: every agreement of it with experiences.
CREATE TRIGGER experience_parties_joined AFTER INSERT ON koppelzone_party
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1)
     WHERE koppelzone_id = NEW.koppelzone_id AND id IN (SELECT agreement_id FROM experience);
END;

CREATE TRIGGER experience_parties_left AFTER DELETE ON koppelzone_party
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1)
     WHERE koppelzone_id = OLD.koppelzone_id AND id IN (SELECT agreement_id FROM experience);
END;

CREATE TRIGGER experience_parties_chair AFTER UPDATE OF chair_organisation_id ON koppelzone
WHEN NEW.chair_organisation_id IS NOT OLD.chair_organisation_id
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1)
     WHERE koppelzone_id = NEW.id AND id IN (SELECT agreement_id FROM experience);
END;

-- An organisation's listed numbers and domains: the agreements with experiences of every koppelzone
-- where it is a party or the chair.
CREATE TRIGGER experience_parties_phone_added AFTER INSERT ON organisation_phone
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1)
     WHERE id IN (SELECT agreement_id FROM experience)
       AND koppelzone_id IN (SELECT koppelzone_id FROM koppelzone_party WHERE organisation_id = NEW.organisation_id
                             UNION SELECT id FROM koppelzone WHERE chair_organisation_id = NEW.organisation_id);
END;

CREATE TRIGGER experience_parties_phone_removed AFTER DELETE ON organisation_phone
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1)
     WHERE id IN (SELECT agreement_id FROM experience)
       AND koppelzone_id IN (SELECT koppelzone_id FROM koppelzone_party WHERE organisation_id = OLD.organisation_id
                             UNION SELECT id FROM koppelzone WHERE chair_organisation_id = OLD.organisation_id);
END;

CREATE TRIGGER experience_parties_domain_added AFTER INSERT ON organisation_email_domain
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1)
     WHERE id IN (SELECT agreement_id FROM experience)
       AND koppelzone_id IN (SELECT koppelzone_id FROM koppelzone_party WHERE organisation_id = NEW.organisation_id
                             UNION SELECT id FROM koppelzone WHERE chair_organisation_id = NEW.organisation_id);
END;

CREATE TRIGGER experience_parties_domain_removed AFTER DELETE ON organisation_email_domain
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1)
     WHERE id IN (SELECT agreement_id FROM experience)
       AND koppelzone_id IN (SELECT koppelzone_id FROM koppelzone_party WHERE organisation_id = OLD.organisation_id
                             UNION SELECT id FROM koppelzone WHERE chair_organisation_id = OLD.organisation_id);
END;

-- An index built before this migration counted pending experiences on the public document too: every
-- agreement with experiences gets a new change number once (numbered in id order, as V003 did), so
-- the index recounts them at its next catch-up. Setting change_seq directly does not fire V003's trigger.
UPDATE agreement
   SET change_seq = (SELECT value FROM change_counter WHERE id = 1)
       + (SELECT count(DISTINCT x.agreement_id) FROM experience x WHERE x.agreement_id <= agreement.id)
 WHERE id IN (SELECT agreement_id FROM experience);
UPDATE change_counter SET value = value + (SELECT count(DISTINCT agreement_id) FROM experience) WHERE id = 1;
