CREATE PROCEDURE sbx_etl.usp_LoadFactPremium @FromDate DATE, @ToDate DATE
AS
BEGIN
    SET NOCOUNT ON;
    IF OBJECT_ID('tempdb..#premium') IS NOT NULL DROP TABLE #premium;

    SELECT CONVERT(INT, FORMAT(p.InceptionDate, 'yyyyMMdd')) AS DateKey,
           p.PolicyId AS PolicyKey, db.BrokerKey, p.AnnualPremium AS PremiumAmount,
           p.AnnualPremium * 0.1 AS CommissionAmount
    INTO #premium
    FROM sbx_dbo.Policies p
    JOIN sbx_dw.DimBroker db ON db.BrokerCode = (SELECT BrokerCode FROM sbx_dbo.Brokers WHERE BrokerId = p.BrokerId)
                        AND db.IsCurrent = 1
    WHERE p.InceptionDate BETWEEN @FromDate AND @ToDate;

    CREATE CLUSTERED INDEX cx_premium ON #premium (DateKey);

    DELETE f FROM sbx_dw.FactPremium f JOIN #premium t ON t.PolicyKey = f.PolicyKey;
    INSERT INTO sbx_dw.FactPremium (DateKey, PolicyKey, BrokerKey, PremiumAmount, CommissionAmount)
    SELECT DateKey, PolicyKey, BrokerKey, PremiumAmount, CommissionAmount FROM #premium;

    DROP TABLE #premium;
END
GO
