ALTER TABLE "leagues"."assets" ADD COLUMN "rank" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "leagues"."assets" ADD COLUMN "aliases" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "leagues"."assets" ADD COLUMN "registry_id" text;--> statement-breakpoint
ALTER TABLE "leagues"."leagues" ADD COLUMN "lot_gap_seconds" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "leagues"."leagues" ADD COLUMN "lead_in_seconds" integer DEFAULT 10 NOT NULL;