CREATE FUNCTION [sbx_dbo].[fn_DateKey] (@d DATE)
RETURNS INT
WITH SCHEMABINDING
AS
BEGIN
    RETURN YEAR(@d) * 10000 + MONTH(@d) * 100 + DAY(@d);
END
GO
UPDATE [sbx_dw].[FactPremium] SET [DateKey] = [sbx_dbo].[fn_DateKey]('2024-01-01') WHERE [DateKey] = 0;
GO
