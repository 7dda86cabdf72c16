CREATE TABLE "scoring"."asset_totals" (
	"league_id" uuid NOT NULL,
	"asset_external_id" text NOT NULL,
	"points" integer NOT NULL,
	"goals" integer NOT NULL,
	"wins" integer NOT NULL,
	"catches" integer NOT NULL,
	"stumpings" integer NOT NULL,
	"run_outs" integer NOT NULL,
	CONSTRAINT "asset_totals_league_id_asset_external_id_pk" PRIMARY KEY("league_id","asset_external_id")
);
