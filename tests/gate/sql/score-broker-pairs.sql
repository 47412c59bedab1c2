/*
    12-score-broker-pairs.sql
    Region counts are checked again for the scoring model (nothing to change tonight).
*/
SET NOCOUNT ON;

UPDATE etl.stg_regions SET brokers = brokers WHERE brokers < 0;
GO
