CREATE TABLE "amocrm_oauth_tokens" (
	"base_url" text PRIMARY KEY NOT NULL,
	"access_token" text NOT NULL,
	"refresh_token" text NOT NULL,
	"expires_at" integer NOT NULL,
	"credentials_hash" text NOT NULL,
	"updated_at" integer NOT NULL
);
