CREATE TABLE "event_keys" (
	"event_id" integer PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "invitations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"email" text NOT NULL,
	"honorific" text,
	"family_name" text,
	"given_name" text,
	"position" text,
	"organisation" text,
	"locale" text DEFAULT 'vi' NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"sent_count" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" integer,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_status_check" CHECK ("invitations"."status" in ('sent', 'accepted', 'revoked'))
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "registrations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"honorific" text NOT NULL,
	"family_name" text NOT NULL,
	"given_name" text NOT NULL,
	"position" text NOT NULL,
	"organisation" text NOT NULL,
	"province_code" text,
	"agency_code" text,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"notes" text,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"locale" text DEFAULT 'vi' NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"search_key" text NOT NULL,
	"sort_key" text NOT NULL,
	"door_note" text,
	"protocol_rank" integer,
	"badge_serial" integer DEFAULT 1 NOT NULL,
	"badge_issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rejection_reason" text,
	"invitation_id" integer,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registrations_status_check" CHECK ("registrations"."status" in ('pending', 'confirmed', 'rejected', 'waitlisted', 'cancelled')),
	CONSTRAINT "registrations_honorific_check" CHECK ("registrations"."honorific" in ('ong', 'ba')),
	CONSTRAINT "registrations_unit_check" CHECK ("registrations"."province_code" is null or "registrations"."agency_code" is null),
	CONSTRAINT "registrations_serial_check" CHECK ("registrations"."badge_serial" between 1 and 9999)
);
--> statement-breakpoint
ALTER TABLE "event_keys" ADD CONSTRAINT "event_keys_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_category_id_delegate_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."delegate_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_category_id_delegate_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."delegate_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_agency_code_agencies_code_fk" FOREIGN KEY ("agency_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_event_email_active_key" ON "invitations" USING btree ("event_id","email") WHERE "invitations"."status" <> 'revoked';--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_event_email_active_key" ON "registrations" USING btree ("event_id","email") WHERE "registrations"."status" not in ('cancelled', 'rejected');--> statement-breakpoint
CREATE INDEX "registrations_category_status_idx" ON "registrations" USING btree ("event_id","category_id","status","id");--> statement-breakpoint
CREATE INDEX "registrations_event_status_idx" ON "registrations" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "registrations_province_idx" ON "registrations" USING btree ("event_id","province_code");--> statement-breakpoint
CREATE INDEX "registrations_agency_idx" ON "registrations" USING btree ("event_id","agency_code");--> statement-breakpoint
CREATE INDEX "registrations_search_idx" ON "registrations" USING btree ("event_id","search_key");--> statement-breakpoint
CREATE INDEX "registrations_sort_idx" ON "registrations" USING btree ("event_id","sort_key","id");