:setvar DatabaseName "Warehouse"
USE [$(DatabaseName)];
GO
IF DB_NAME() <> N'$(DatabaseName)'
    RAISERROR(N'Wrong database', 20, 1) WITH LOG;
GO
