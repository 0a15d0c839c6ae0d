ALTER TABLE "messages" DROP CONSTRAINT "messages_author_id_users_id_fk";
--> statement-breakpoint
-- What the foreign key's ON DELETE SET NULL did, without the key lock that its check took on the
-- author's row for every message: a deleted user's messages lose their author. As the owner, like
-- the key's own action, so that row-level security hides no workspace's messages from it.
CREATE FUNCTION "messages_forget_deleted_author"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE "messages" SET "author_id" = NULL WHERE "author_id" = OLD."id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "messages_forget_deleted_author" AFTER DELETE ON "users"
FOR EACH ROW EXECUTE FUNCTION "messages_forget_deleted_author"();
