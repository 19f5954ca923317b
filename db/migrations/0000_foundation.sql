CREATE TABLE "agencies" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"short_name_vi" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"search_key" text NOT NULL,
	CONSTRAINT "agencies_kind_check" CHECK ("agencies"."kind" in ('ministry', 'agency'))
);
--> statement-breakpoint
CREATE TABLE "ocop_criteria_versions" (
	"code" text PRIMARY KEY NOT NULL,
	"title_vi" text NOT NULL,
	"certificate_validity_months" smallint NOT NULL,
	"scoring" jsonb NOT NULL,
	"subject_types" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ocop_groups" (
	"criteria_version" text NOT NULL,
	"code" text NOT NULL,
	"sector_code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"subgroups" jsonb NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "ocop_groups_criteria_version_code_pk" PRIMARY KEY("criteria_version","code")
);
--> statement-breakpoint
CREATE TABLE "ocop_sectors" (
	"criteria_version" text NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "ocop_sectors_criteria_version_code_pk" PRIMARY KEY("criteria_version","code")
);
--> statement-breakpoint
CREATE TABLE "ocop_star_levels" (
	"criteria_version" text NOT NULL,
	"stars" smallint NOT NULL,
	"min_score" smallint NOT NULL,
	"max_score" smallint NOT NULL,
	"description_vi" text NOT NULL,
	CONSTRAINT "ocop_star_levels_criteria_version_stars_pk" PRIMARY KEY("criteria_version","stars"),
	CONSTRAINT "ocop_star_levels_stars_check" CHECK ("ocop_star_levels"."stars" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"type" text NOT NULL,
	"region_code" text NOT NULL,
	"search_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agenda_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"part" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "agenda_items_part_check" CHECK ("agenda_items"."part" in ('exhibition', 'ceremony', 'conference'))
);
--> statement-breakpoint
CREATE TABLE "category_checkpoints" (
	"event_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"checkpoint_id" integer NOT NULL,
	CONSTRAINT "category_checkpoints_category_id_checkpoint_id_pk" PRIMARY KEY("category_id","checkpoint_id")
);
--> statement-breakpoint
CREATE TABLE "checkpoint_windows" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "checkpoint_windows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"checkpoint_id" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checkpoint_windows_order_check" CHECK ("checkpoint_windows"."opens_at" < "checkpoint_windows"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "checkpoints" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "checkpoints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"part" text NOT NULL,
	"allow_reentry" boolean DEFAULT true NOT NULL,
	"sort_order" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkpoints_part_check" CHECK ("checkpoints"."part" in ('exhibition', 'ceremony', 'conference'))
);
--> statement-breakpoint
CREATE TABLE "commendation_forms" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "commendation_forms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"decided_by_vi" text NOT NULL,
	"decided_by_en" text NOT NULL,
	"route" jsonb NOT NULL,
	"level" text NOT NULL,
	"sort_order" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commendation_forms_level_check" CHECK ("commendation_forms"."level" in ('state', 'government', 'ministry', 'province'))
);
--> statement-breakpoint
CREATE TABLE "delegate_categories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "delegate_categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"registration_mode" text NOT NULL,
	"portal_unit_kind" text,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"capacity" integer,
	"badge_colour" text NOT NULL,
	"badge_colour_name" text NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort_order" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegate_categories_mode_check" CHECK ("delegate_categories"."registration_mode" in ('public', 'invitation', 'portal')),
	CONSTRAINT "delegate_categories_unit_check" CHECK (("delegate_categories"."registration_mode" = 'portal') = ("delegate_categories"."portal_unit_kind" is not null) and ("delegate_categories"."portal_unit_kind" is null or "delegate_categories"."portal_unit_kind" in ('province', 'ministry'))),
	CONSTRAINT "delegate_categories_capacity_check" CHECK ("delegate_categories"."capacity" is null or "delegate_categories"."capacity" >= 0),
	CONSTRAINT "delegate_categories_colour_check" CHECK ("delegate_categories"."badge_colour" ~ '^#[0-9a-f]{6}$')
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"venue_vi" text NOT NULL,
	"venue_en" text NOT NULL,
	"address_vi" text NOT NULL,
	"city" text NOT NULL,
	"timezone" text DEFAULT 'Asia/Ho_Chi_Minh' NOT NULL,
	"exhibition_starts_at" timestamp with time zone NOT NULL,
	"exhibition_ends_at" timestamp with time zone NOT NULL,
	"ceremony_starts_at" timestamp with time zone NOT NULL,
	"ceremony_ends_at" timestamp with time zone NOT NULL,
	"conference_starts_at" timestamp with time zone NOT NULL,
	"conference_ends_at" timestamp with time zone NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_ceremony_order_check" CHECK ("events"."ceremony_starts_at" < "events"."ceremony_ends_at"),
	CONSTRAINT "events_conference_order_check" CHECK ("events"."conference_starts_at" < "events"."conference_ends_at"),
	CONSTRAINT "events_exhibition_order_check" CHECK ("events"."exhibition_starts_at" < "events"."exhibition_ends_at")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" integer,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"priority" smallint DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" text,
	"progress" smallint DEFAULT 0 NOT NULL,
	"result" jsonb,
	"last_error" text,
	"created_by" text,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jobs_status_check" CHECK ("jobs"."status" in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
	CONSTRAINT "jobs_progress_check" CHECK ("jobs"."progress" between 0 and 100),
	CONSTRAINT "jobs_attempts_check" CHECK ("jobs"."attempts" >= 0 and "jobs"."max_attempts" >= 1)
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "email_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" integer,
	"to_address" text NOT NULL,
	"to_name" text,
	"locale" text DEFAULT 'vi' NOT NULL,
	"template" text NOT NULL,
	"props" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"subject" text,
	"html" text,
	"text" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"message_id" text,
	"job_id" bigint,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_outbox_status_check" CHECK ("email_outbox"."status" in ('queued', 'sent', 'stored', 'failed')),
	CONSTRAINT "email_outbox_locale_check" CHECK ("email_outbox"."locale" in ('vi', 'en'))
);
--> statement-breakpoint
ALTER TABLE "ocop_groups" ADD CONSTRAINT "ocop_groups_criteria_version_ocop_criteria_versions_code_fk" FOREIGN KEY ("criteria_version") REFERENCES "public"."ocop_criteria_versions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_sectors" ADD CONSTRAINT "ocop_sectors_criteria_version_ocop_criteria_versions_code_fk" FOREIGN KEY ("criteria_version") REFERENCES "public"."ocop_criteria_versions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocop_star_levels" ADD CONSTRAINT "ocop_star_levels_criteria_version_ocop_criteria_versions_code_fk" FOREIGN KEY ("criteria_version") REFERENCES "public"."ocop_criteria_versions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provinces" ADD CONSTRAINT "provinces_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_checkpoints" ADD CONSTRAINT "category_checkpoints_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_checkpoints" ADD CONSTRAINT "category_checkpoints_category_id_delegate_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."delegate_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_checkpoints" ADD CONSTRAINT "category_checkpoints_checkpoint_id_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_windows" ADD CONSTRAINT "checkpoint_windows_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_windows" ADD CONSTRAINT "checkpoint_windows_checkpoint_id_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendation_forms" ADD CONSTRAINT "commendation_forms_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegate_categories" ADD CONSTRAINT "delegate_categories_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_items_event_order_key" ON "agenda_items" USING btree ("event_id","part","sort_order");--> statement-breakpoint
CREATE INDEX "checkpoint_windows_checkpoint_idx" ON "checkpoint_windows" USING btree ("checkpoint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkpoints_event_code_key" ON "checkpoints" USING btree ("event_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "commendation_forms_event_code_key" ON "commendation_forms" USING btree ("event_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "delegate_categories_event_code_key" ON "delegate_categories" USING btree ("event_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "events_code_key" ON "events" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "events_one_current_key" ON "events" USING btree ("is_current") WHERE "events"."is_current";--> statement-breakpoint
CREATE INDEX "jobs_claim_idx" ON "jobs" USING btree ("run_at","priority","id") WHERE "jobs"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "jobs_running_idx" ON "jobs" USING btree ("locked_at") WHERE "jobs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "jobs_kind_created_idx" ON "jobs" USING btree ("kind","created_at");--> statement-breakpoint
CREATE INDEX "email_outbox_status_idx" ON "email_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "email_outbox_to_idx" ON "email_outbox" USING btree ("to_address");