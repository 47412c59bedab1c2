-- Reseed the identity of the staging tables after a reload, in the forms teams write.
TRUNCATE TABLE etl.stg_brokers;
DBCC CHECKIDENT ('etl.stg_brokers', RESEED, 0) WITH NO_INFOMSGS;
DBCC CHECKIDENT (N'[etl].[stg_policies]', RESEED, 0);
DBCC CHECKIDENT (stg_claims, RESEED, 0);
DBCC CHECKIDENT ([stg_groups]);
GO
-- A bracketed two-part name: DBCC may read it either way.
DBCC CHECKIDENT ([etl.stg_proposals], RESEED, 0);
DBCC CHECKIDENT ([sbx_etl.stg_proposals], NORESEED);
DBCC CHECKTABLE ([etl.stg_brokers]) WITH NO_INFOMSGS;
GO
