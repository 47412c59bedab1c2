:setvar Env dev
IF '$(Env)' = 'dev'
    DELETE FROM sbx_stage.PolicyLoad WHERE LoadId < 0
GO
SELECT * INTO $(Env)_backup FROM sbx_dbo.Regions
GO
