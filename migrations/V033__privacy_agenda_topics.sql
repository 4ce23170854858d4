-- Privacy confirmations of a free agenda topic's title and detail, as the voorzitter adds it
-- (TextSource.TOPIC, source_id: the meeting_item): one more known source (V031's text_privacy_source).
INSERT INTO text_privacy_source (code) VALUES ('topic');
