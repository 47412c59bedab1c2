-- Older deployment scripts manage principals and statistics with system procedures.
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'etl_loader')
BEGIN
    EXEC sp_grantdbaccess N'etl_loader'
    EXEC sp_addrolemember N'db_datareader', N'etl_loader'
END
GO
EXEC sp_addrole 'etl_writers';
EXEC sp_adduser 'report_reader', 'report_reader';
EXEC sp_droprolemember 'db_datawriter', 'report_reader';
GO
EXEC sp_addtype 'PolicyNumber', 'varchar(20)', 'NOT NULL';
GO
EXEC sp_configure 'show advanced options', 1;
RECONFIGURE;
GO
-- After the load: statistics everywhere.
EXEC sp_updatestats;
EXEC sp_createstats 'indexonly';
GO
EXEC sp_droptype 'PolicyNumber';
GO
