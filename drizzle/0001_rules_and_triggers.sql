-- Rules of DESIGN.md section 1 that drizzle-kit cannot express. Hand-written; never regenerated.

-- Trigram matching and accent folding for search; both ship with PostgreSQL's contrib and with
-- PGlite, and both are "trusted" (a database owner may create them without superuser rights).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint

-- updated_at is the database's job: it moves on every UPDATE, whoever writes.
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER user_account_set_updated_at BEFORE UPDATE ON user_account FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER file_set_updated_at BEFORE UPDATE ON file FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER movie_set_updated_at BEFORE UPDATE ON movie FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER character_set_updated_at BEFORE UPDATE ON "character" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER person_set_updated_at BEFORE UPDATE ON person FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER country_set_updated_at BEFORE UPDATE ON country FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint

-- A person's primary photo must be one of that same person's photos. When the photo leaves the
-- gallery, only photo_id is cleared (person_id is the person's own key and must stay).
ALTER TABLE person ADD CONSTRAINT person_primary_photo_fk
  FOREIGN KEY (photo_id, person_id) REFERENCES person_photos (photo_id, person_id)
  ON DELETE SET NULL (photo_id);
--> statement-breakpoint

-- character.actor_id is the principal performer, and the principal is always among the
-- character's actor_roles. Statement-level triggers keep bulk inserts (imports) set-based.
CREATE FUNCTION character_add_principal_actor_role() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO actor_roles (actor_id, character_id)
  SELECT n.actor_id, n.character_id FROM changed_characters n WHERE n.actor_id IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER character_principal_actor_role_on_insert AFTER INSERT ON "character"
  REFERENCING NEW TABLE AS changed_characters
  FOR EACH STATEMENT EXECUTE FUNCTION character_add_principal_actor_role();
--> statement-breakpoint
CREATE TRIGGER character_principal_actor_role_on_update AFTER UPDATE ON "character"
  REFERENCING NEW TABLE AS changed_characters
  FOR EACH STATEMENT EXECUTE FUNCTION character_add_principal_actor_role();
--> statement-breakpoint

-- The principal's actor_roles row cannot be removed or re-pointed while the character still
-- names that principal; change or clear character.actor_id first. Rows that go with a deleted
-- character (ON DELETE CASCADE) pass, since the character is already gone when they are checked.
CREATE FUNCTION actor_roles_keep_principal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.actor_id = OLD.actor_id AND NEW.character_id = OLD.character_id THEN
    RETURN NEW;
  END IF;
  IF EXISTS (
    SELECT 1 FROM "character" c WHERE c.character_id = OLD.character_id AND c.actor_id = OLD.actor_id
  ) THEN
    RAISE EXCEPTION 'actor % is the principal performer of character %', OLD.actor_id, OLD.character_id
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'actor_roles_principal_actor';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER actor_roles_keep_principal BEFORE UPDATE OR DELETE ON actor_roles
  FOR EACH ROW EXECUTE FUNCTION actor_roles_keep_principal();
