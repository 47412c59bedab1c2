CREATE PROCEDURE dbo.usp_NextPolicyNumber @Number BIGINT OUTPUT
AS
SET @Number = NEXT VALUE FOR dbo.PolicyNumberSequence;
GO
DECLARE @n BIGINT;
EXEC dbo.usp_NextPolicyNumber @Number = @n OUTPUT;
SELECT NEXT VALUE FOR PolicyNumberSequence;
GO
