CREATE FUNCTION [dbo].[fn_DateKey] (@d DATE)
RETURNS INT
WITH SCHEMABINDING
AS
BEGIN
    RETURN YEAR(@d) * 10000 + MONTH(@d) * 100 + DAY(@d);
END
GO
UPDATE [dw].[FactPremium] SET [DateKey] = [dbo].[fn_DateKey]('2024-01-01') WHERE [DateKey] = 0;
GO
