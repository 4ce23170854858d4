-- The listed phone numbers and e-mail domains of an organisation (issue 17): organisational, public
-- contact data, which the privacy detector does not flag when the organisation is a party (or the
-- chair) of the koppelzone a text is written in. The beheerder keeps them in the register.

-- A number is stored in its national ten-digit form (0131234567), which the detector compares with,
-- and as the beheerder wrote it (013 - 123 45 67), which the organisation page shows.
CREATE TABLE organisation_phone (
    organisation_id  INTEGER NOT NULL REFERENCES organisation (id),
    national         TEXT NOT NULL CHECK (length(national) = 10 AND national GLOB '0[1-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    display          TEXT NOT NULL CHECK (length(display) BETWEEN 1 AND 40),
    position         INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (organisation_id, national)
);

-- An e-mail domain in lower case (jeugdteam.example.nl); subdomains of it count as the organisation's too.
CREATE TABLE organisation_email_domain (
    organisation_id  INTEGER NOT NULL REFERENCES organisation (id),
    domain           TEXT NOT NULL CHECK (length(domain) BETWEEN 3 AND 253 AND domain = lower(domain)
                                          AND domain LIKE '%_._%' AND instr(domain, '@') = 0),
    position         INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (organisation_id, domain)
);
