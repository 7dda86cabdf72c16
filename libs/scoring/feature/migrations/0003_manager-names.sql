CREATE TABLE "scoring"."manager_names" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"renamed_at" timestamp with time zone DEFAULT now() NOT NULL
);
