DECLARE @json NVARCHAR(MAX) = (SELECT Payload FROM sbx_stage.PolicyLoad WHERE LoadId = 1 AND SourceRow = 1);
INSERT INTO sbx_stage.Policies (PolicyNumber, ProductCode, AnnualPremium)
SELECT j.PolicyNumber, j.ProductCode, j.AnnualPremium
FROM OPENJSON(@json, '$.policies')
WITH (PolicyNumber VARCHAR(30) '$.number', ProductCode VARCHAR(10) '$.product', AnnualPremium DECIMAL(18,2) '$.premium') AS j;
