:setvar Env dev
IF '$(Env)' = 'dev'
    DELETE FROM stage.PolicyLoad WHERE LoadId < 0
GO
SELECT * INTO $(Env)_backup FROM dbo.Regions
GO
