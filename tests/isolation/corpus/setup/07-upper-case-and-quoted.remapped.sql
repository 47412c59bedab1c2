SET QUOTED_IDENTIFIER ON;
CREATE TABLE "sbx_etl"."Stg_Claims" ("ClaimNumber" VARCHAR(30) NOT NULL);
INSERT INTO "sbx_etl"."Stg_Claims" ("ClaimNumber") SELECT ClaimNumber FROM sbx_stage.Claims;
SELECT COUNT(*) FROM [sbx_etl] . [Stg_Claims];
