ALTER TABLE "scoring"."asset_points" DROP CONSTRAINT "asset_points_fixture_fk";
--> statement-breakpoint
ALTER TABLE "scoring"."player_stats" DROP CONSTRAINT "player_stats_fixture_fk";
