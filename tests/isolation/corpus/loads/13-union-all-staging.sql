INSERT INTO stage.AllPolicies (Source, PolicyNumber)
SELECT 'motor', policy_no FROM raw_data.motor_policies
UNION ALL
SELECT 'home', policy_no FROM raw_data.home_policies
UNION
SELECT 'life', policy_no FROM raw_data.life_policies
EXCEPT
SELECT 'life', PolicyNumber FROM dbo.Policies
