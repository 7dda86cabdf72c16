CREATE SCHEMA "scoring";
--> statement-breakpoint
CREATE TABLE "scoring"."asset_points" (
	"league_id" uuid NOT NULL,
	"external_match_id" text NOT NULL,
	"asset_external_id" text NOT NULL,
	"points" integer NOT NULL,
	"goals" integer DEFAULT 0 NOT NULL,
	"wins" integer DEFAULT 0 NOT NULL,
	"catches" integer DEFAULT 0 NOT NULL,
	"stumpings" integer DEFAULT 0 NOT NULL,
	"run_outs" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "asset_points_league_id_external_match_id_asset_external_id_pk" PRIMARY KEY("league_id","external_match_id","asset_external_id")
);
--> statement-breakpoint
CREATE TABLE "scoring"."fixtures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"league_id" uuid NOT NULL,
	"external_match_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"home_team" text NOT NULL,
	"home_team_key" text NOT NULL,
	"away_team" text NOT NULL,
	"away_team_key" text NOT NULL,
	"competition" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"home_goals" integer,
	"away_goals" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fixtures_league_match_unique" UNIQUE("league_id","external_match_id")
);
--> statement-breakpoint
CREATE TABLE "scoring"."league_managers" (
	"league_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"auction_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"budget" integer NOT NULL,
	"spent" integer NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	CONSTRAINT "league_managers_league_id_user_id_pk" PRIMARY KEY("league_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "scoring"."roster_assets" (
	"league_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"price" integer NOT NULL,
	"lot_id" uuid NOT NULL,
	CONSTRAINT "roster_assets_league_id_asset_id_pk" PRIMARY KEY("league_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "scoring"."player_stats" (
	"league_id" uuid NOT NULL,
	"external_match_id" text NOT NULL,
	"player_external_id" text NOT NULL,
	"runs" integer NOT NULL,
	"wickets" integer NOT NULL,
	"catches" integer NOT NULL,
	"stumpings" integer NOT NULL,
	"run_outs" integer NOT NULL,
	CONSTRAINT "player_stats_league_id_external_match_id_player_external_id_pk" PRIMARY KEY("league_id","external_match_id","player_external_id")
);
--> statement-breakpoint
CREATE TABLE "scoring"."standings" (
	"league_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"points" integer NOT NULL,
	"spent" integer NOT NULL,
	"display_name" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"tiebreaks" jsonb NOT NULL,
	CONSTRAINT "standings_league_id_user_id_pk" PRIMARY KEY("league_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "scoring"."league_states" (
	"league_id" uuid PRIMARY KEY NOT NULL,
	"sport" text NOT NULL,
	"rules_key" text DEFAULT '' NOT NULL,
	"members_key" text DEFAULT '' NOT NULL,
	"standings_stale" boolean DEFAULT false NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scoring"."asset_points" ADD CONSTRAINT "asset_points_fixture_fk" FOREIGN KEY ("league_id","external_match_id") REFERENCES "scoring"."fixtures"("league_id","external_match_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring"."player_stats" ADD CONSTRAINT "player_stats_fixture_fk" FOREIGN KEY ("league_id","external_match_id") REFERENCES "scoring"."fixtures"("league_id","external_match_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_points_league_asset_idx" ON "scoring"."asset_points" USING btree ("league_id","asset_external_id");--> statement-breakpoint
CREATE INDEX "fixtures_league_starts_idx" ON "scoring"."fixtures" USING btree ("league_id","starts_at","external_match_id");--> statement-breakpoint
CREATE INDEX "roster_assets_league_user_idx" ON "scoring"."roster_assets" USING btree ("league_id","user_id");--> statement-breakpoint
CREATE INDEX "standings_league_rank_idx" ON "scoring"."standings" USING btree ("league_id","rank");