CREATE SCHEMA [staging];
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'Rows as the order system delivers them.', @level0type = N'SCHEMA', @level0name = N'staging';
