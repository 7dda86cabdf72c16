CREATE SCHEMA "leagues";
--> statement-breakpoint
CREATE TABLE "leagues"."assets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sport" text NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"team" text,
	"role" text,
	"competitions" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leagues"."leagues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"sport" text NOT NULL,
	"competition" text,
	"budget" integer NOT NULL,
	"roster_size" integer NOT NULL,
	"min_managers" integer NOT NULL,
	"max_managers" integer NOT NULL,
	"opening_bid" integer NOT NULL,
	"min_increment" integer NOT NULL,
	"bid_timer_seconds" integer NOT NULL,
	"anti_snipe_seconds" integer NOT NULL,
	"nomination_order" text NOT NULL,
	"scoring_rules" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"invite_token" text NOT NULL,
	"commissioner_id" uuid NOT NULL,
	"auction_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leagues_status_check" CHECK ("leagues"."leagues"."status" in ('open', 'auction', 'completed')),
	CONSTRAINT "leagues_nomination_order_check" CHECK ("leagues"."leagues"."nomination_order" in ('random', 'fixed')),
	CONSTRAINT "leagues_managers_check" CHECK ("leagues"."leagues"."min_managers" <= "leagues"."leagues"."max_managers"),
	CONSTRAINT "leagues_auction_id_check" CHECK (("leagues"."leagues"."status" = 'open') = ("leagues"."leagues"."auction_id" is null))
);
--> statement-breakpoint
CREATE TABLE "leagues"."league_members" (
	"league_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "league_members_pkey" PRIMARY KEY("league_id","user_id"),
	CONSTRAINT "league_members_role_check" CHECK ("leagues"."league_members"."role" in ('commissioner', 'manager'))
);
--> statement-breakpoint
CREATE TABLE "leagues"."league_assets" (
	"league_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "league_assets_pkey" PRIMARY KEY("league_id","asset_id"),
	CONSTRAINT "league_assets_league_id_position_unique" UNIQUE("league_id","position"),
	CONSTRAINT "league_assets_position_check" CHECK ("leagues"."league_assets"."position" >= 0)
);
--> statement-breakpoint
CREATE TABLE "leagues"."invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"league_id" uuid NOT NULL,
	"email" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "invitations_league_id_email_unique" UNIQUE("league_id","email")
);
--> statement-breakpoint
ALTER TABLE "leagues"."league_members" ADD CONSTRAINT "league_members_league_id_leagues_id_fk" FOREIGN KEY ("league_id") REFERENCES "leagues"."leagues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leagues"."league_assets" ADD CONSTRAINT "league_assets_league_id_leagues_id_fk" FOREIGN KEY ("league_id") REFERENCES "leagues"."leagues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leagues"."league_assets" ADD CONSTRAINT "league_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "leagues"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leagues"."invitations" ADD CONSTRAINT "invitations_league_id_leagues_id_fk" FOREIGN KEY ("league_id") REFERENCES "leagues"."leagues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assets_sport_external_id_idx" ON "leagues"."assets" USING btree ("sport","external_id");--> statement-breakpoint
CREATE INDEX "assets_sport_name_id_idx" ON "leagues"."assets" USING btree ("sport","name","id");--> statement-breakpoint
CREATE INDEX "assets_name_id_idx" ON "leagues"."assets" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "assets_competitions_idx" ON "leagues"."assets" USING gin ("competitions");--> statement-breakpoint
CREATE UNIQUE INDEX "leagues_invite_token_idx" ON "leagues"."leagues" USING btree ("invite_token");--> statement-breakpoint
CREATE UNIQUE INDEX "leagues_auction_id_idx" ON "leagues"."leagues" USING btree ("auction_id");--> statement-breakpoint
CREATE INDEX "leagues_commissioner_id_idx" ON "leagues"."leagues" USING btree ("commissioner_id");--> statement-breakpoint
CREATE INDEX "league_members_user_id_idx" ON "leagues"."league_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "league_members_league_id_email_idx" ON "leagues"."league_members" USING btree ("league_id","email");--> statement-breakpoint
CREATE INDEX "league_assets_asset_id_idx" ON "leagues"."league_assets" USING btree ("asset_id");