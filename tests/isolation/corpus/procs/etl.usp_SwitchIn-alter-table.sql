CREATE PROCEDURE etl.usp_SwitchIn @Partition INT
AS
BEGIN
    SET NOCOUNT ON;
    TRUNCATE TABLE dw.FactPremium_Switch;
    INSERT INTO dw.FactPremium_Switch WITH (TABLOCK)
    SELECT * FROM stage.FactPremium WHERE $PARTITION.pf_by_year(DateKey) = @Partition;
    ALTER TABLE dw.FactPremium SWITCH PARTITION @Partition TO dw.FactPremium_Old PARTITION @Partition;
    ALTER TABLE dw.FactPremium_Switch SWITCH TO dw.FactPremium PARTITION @Partition;
END
GO
