-- A synonym in the sandbox for a production table: a finding, and nothing else on stderr.
CREATE SYNONYM work.Vehicles FOR fleet.Vehicles;
GO
DROP SYNONYM IF EXISTS work.Vehicles;
GO
