ALTER TABLE "routing_items" ADD COLUMN "required_skills" jsonb;--> statement-breakpoint
ALTER TABLE "routing_items" ADD COLUMN "preferred_skills" jsonb;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "skills" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "preferred_skills_wait_seconds" integer DEFAULT 60 NOT NULL;