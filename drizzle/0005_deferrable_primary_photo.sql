-- The primary-photo key may be checked at commit when a writer asks (SET CONSTRAINTS ... DEFERRED):
-- a catalogue import writes people with their primary photo before the gallery rows it names.
ALTER TABLE person ALTER CONSTRAINT person_primary_photo_fk DEFERRABLE INITIALLY IMMEDIATE;
