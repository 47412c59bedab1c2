INSERT INTO AuditLog (Event) VALUES (N'orders exported');
GO
