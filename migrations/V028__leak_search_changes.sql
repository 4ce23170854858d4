-- Search can be filtered on "lost een waardelek op" (issue 18, point 4): the index holds, per
-- agreement, how many leaks it solves - all linked leaks on the members' document, only published
-- solved ones on the public document. Whatever changes those numbers gives every linked agreement a
-- new change number (see V003), so the index catches up by itself: linking or unlinking a leak, and
-- a change of a leak's status or of whether it is published.

CREATE TRIGGER leak_agreement_linked AFTER INSERT ON leak_agreement
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE id = NEW.agreement_id;
END;

CREATE TRIGGER leak_agreement_unlinked AFTER DELETE ON leak_agreement
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1) WHERE id = OLD.agreement_id;
END;

CREATE TRIGGER leak_solved_or_published AFTER UPDATE OF status, published ON leak
WHEN OLD.status IS NOT NEW.status OR OLD.published IS NOT NEW.published
BEGIN
    UPDATE change_counter SET value = value + 1 WHERE id = 1;
    UPDATE agreement SET change_seq = (SELECT value FROM change_counter WHERE id = 1)
     WHERE id IN (SELECT agreement_id FROM leak_agreement WHERE leak_id = NEW.id);
END;
