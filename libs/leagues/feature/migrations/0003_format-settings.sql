ALTER TABLE "leagues"."leagues" ADD COLUMN "nomination_mode" text DEFAULT 'order' NOT NULL;--> statement-breakpoint
ALTER TABLE "leagues"."leagues" ADD COLUMN "nomination_seconds" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "leagues"."leagues" ADD COLUMN "clock_mode" text DEFAULT 'extend' NOT NULL;--> statement-breakpoint
ALTER TABLE "leagues"."leagues" ADD COLUMN "raise_seconds" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "leagues"."leagues" ADD CONSTRAINT "leagues_nomination_mode_check" CHECK ("leagues"."leagues"."nomination_mode" in ('order', 'managers'));--> statement-breakpoint
ALTER TABLE "leagues"."leagues" ADD CONSTRAINT "leagues_clock_mode_check" CHECK ("leagues"."leagues"."clock_mode" in ('extend', 'reset'));