-- The language a person chose with the language switch while signed in: their mails are written in it.
ALTER TABLE account ADD COLUMN language TEXT NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en'));
