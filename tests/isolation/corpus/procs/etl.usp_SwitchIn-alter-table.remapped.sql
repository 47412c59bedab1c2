CREATE PROCEDURE sbx_etl.usp_SwitchIn @Partition INT
AS
BEGIN
    SET NOCOUNT ON;
    TRUNCATE TABLE sbx_dw.FactPremium_Switch;
    INSERT INTO sbx_dw.FactPremium_Switch WITH (TABLOCK)
    SELECT * FROM sbx_stage.FactPremium WHERE $PARTITION.pf_by_year(DateKey) = @Partition;
    ALTER TABLE sbx_dw.FactPremium SWITCH PARTITION @Partition TO sbx_dw.FactPremium_Old PARTITION @Partition;
    ALTER TABLE sbx_dw.FactPremium_Switch SWITCH TO sbx_dw.FactPremium PARTITION @Partition;
END
GO
