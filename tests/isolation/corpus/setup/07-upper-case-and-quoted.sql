SET QUOTED_IDENTIFIER ON;
CREATE TABLE "ETL"."Stg_Claims" ("ClaimNumber" VARCHAR(30) NOT NULL);
INSERT INTO "etl"."Stg_Claims" ("ClaimNumber") SELECT ClaimNumber FROM STAGE.Claims;
SELECT COUNT(*) FROM [ETL] . [Stg_Claims];
