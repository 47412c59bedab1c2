CREATE SCHEMA [dw];
GO
EXECUTE sp_addextendedproperty @name = N'MS_Description', @value = N'The warehouse: facts and dimensions.', @level0type = N'SCHEMA', @level0name = N'dw';
