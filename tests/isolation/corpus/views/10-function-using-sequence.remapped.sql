CREATE PROCEDURE sbx_dbo.usp_NextPolicyNumber @Number BIGINT OUTPUT
AS
SET @Number = NEXT VALUE FOR sbx_dbo.PolicyNumberSequence;
GO
DECLARE @n BIGINT;
EXEC sbx_dbo.usp_NextPolicyNumber @Number = @n OUTPUT;
SELECT NEXT VALUE FOR sbx_dbo.PolicyNumberSequence;
GO
