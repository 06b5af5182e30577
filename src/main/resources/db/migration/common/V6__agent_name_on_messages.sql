-- Which agent wrote an agent line of the transcript.
ALTER TABLE messages ADD COLUMN agent TEXT;
