-- Row-level security on the staging tables.
CREATE FUNCTION sbx_etl.fn_broker_filter (@region_code CHAR(2))
RETURNS TABLE WITH SCHEMABINDING
AS RETURN SELECT 1 AS allowed WHERE @region_code = CAST(SESSION_CONTEXT(N'region') AS CHAR(2));
GO
CREATE SECURITY POLICY sbx_dbo.BrokerRegionPolicy
    ADD FILTER PREDICATE sbx_etl.fn_broker_filter(region_code) ON sbx_etl.stg_brokers
    WITH (STATE = ON);
GO
ALTER SECURITY POLICY sbx_dbo.BrokerRegionPolicy WITH (STATE = OFF);
GO
CREATE SECURITY POLICY sbx_etl.PolicyRegionPolicy
    ADD FILTER PREDICATE sbx_etl.fn_broker_filter(region_code) ON sbx_etl.stg_policies;
GO
DROP SECURITY POLICY IF EXISTS sbx_dbo.BrokerRegionPolicy;
DROP SECURITY POLICY sbx_etl.PolicyRegionPolicy;
GO
