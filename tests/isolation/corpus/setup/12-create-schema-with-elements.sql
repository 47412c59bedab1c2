-- CREATE SCHEMA with its elements: unqualified names are the new schema's.
CREATE SCHEMA etl AUTHORIZATION dbo
    CREATE TABLE stg_agents (agent_id INT NOT NULL PRIMARY KEY, agent_name NVARCHAR(100) NULL)
    CREATE VIEW v_agents AS SELECT agent_id, agent_name FROM stg_agents
    GRANT SELECT ON v_agents TO reporting
    DENY SELECT ON stg_agents TO reporting
    REVOKE INSERT ON stg_agents FROM reporting
GO
CREATE SCHEMA stage
    DENY DELETE ON load_batches TO reporting
    CREATE TABLE load_batches (batch_id INT NOT NULL)
GO
-- The old form without a schema name.
CREATE SCHEMA AUTHORIZATION dbo
    CREATE TABLE legacy_agents (agent_id INT NOT NULL)
    GRANT SELECT ON legacy_agents TO reporting
GO
