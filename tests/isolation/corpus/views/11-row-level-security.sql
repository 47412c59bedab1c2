-- Row-level security on the staging tables.
CREATE FUNCTION etl.fn_broker_filter (@region_code CHAR(2))
RETURNS TABLE WITH SCHEMABINDING
AS RETURN SELECT 1 AS allowed WHERE @region_code = CAST(SESSION_CONTEXT(N'region') AS CHAR(2));
GO
CREATE SECURITY POLICY BrokerRegionPolicy
    ADD FILTER PREDICATE etl.fn_broker_filter(region_code) ON etl.stg_brokers
    WITH (STATE = ON);
GO
ALTER SECURITY POLICY BrokerRegionPolicy WITH (STATE = OFF);
GO
CREATE SECURITY POLICY etl.PolicyRegionPolicy
    ADD FILTER PREDICATE etl.fn_broker_filter(region_code) ON etl.stg_policies;
GO
DROP SECURITY POLICY IF EXISTS BrokerRegionPolicy;
DROP SECURITY POLICY etl.PolicyRegionPolicy;
GO
