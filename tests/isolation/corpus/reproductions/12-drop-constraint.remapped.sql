ALTER TABLE sbx_dbo.Brokers DROP CONSTRAINT FK_Brokers_Groups;
ALTER TABLE sbx_dbo.Brokers ADD CONSTRAINT DF_Brokers_active DEFAULT (1) FOR active;
