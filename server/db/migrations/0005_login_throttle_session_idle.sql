CREATE TABLE "login_failures" (
	"bucket" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" integer NOT NULL
);
--> statement-breakpoint
-- Existing sessions count as last seen when they were created (hand-edited: NOT NULL needs a value).
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" integer;--> statement-breakpoint
UPDATE "sessions" SET "last_seen_at" = "created_at";--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "last_seen_at" SET NOT NULL;