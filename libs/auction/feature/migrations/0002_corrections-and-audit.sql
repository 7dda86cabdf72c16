CREATE TABLE "auction"."audit_entries" (
	"auction_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid NOT NULL,
	"action" text NOT NULL,
	"lot_id" uuid,
	"details" jsonb NOT NULL,
	CONSTRAINT "audit_entries_auction_id_seq_pk" PRIMARY KEY("auction_id","seq")
);
--> statement-breakpoint
ALTER TABLE "auction"."lots" DROP CONSTRAINT "lots_auction_asset_unique";--> statement-breakpoint
ALTER TABLE "auction"."audit_entries" ADD CONSTRAINT "audit_entries_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "auction"."auctions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entries_lot_idx" ON "auction"."audit_entries" USING btree ("lot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lots_auction_asset_on_offer" ON "auction"."lots" USING btree ("auction_id","asset_id") WHERE "auction"."lots"."status" <> 'unsold';