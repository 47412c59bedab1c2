/* 03-check.sql: the load's own audit check: today's rows carry this session's names. */
SET NOCOUNT ON;
IF EXISTS (
    SELECT 1 FROM stage.d
    WHERE LoadedAt >= DATEADD(HOUR, -1, SYSDATETIMEOFFSET())
      AND (CreatedBy <> SUSER_SNAME() OR LoadedBy <> SYSTEM_USER OR Host <> HOST_NAME()
           OR App <> APP_NAME() OR DbUser <> USER_NAME() OR Login <> ORIGINAL_LOGIN())
)
    THROW 50001, N'a loaded row does not carry the loading session''s names', 1;

IF NOT EXISTS (
    SELECT 1 FROM ops.load_log
    WHERE step = N'load codes' AND rows_loaded = 2
      AND run_by = SUSER_SNAME() AND run_from = HOST_NAME()
      AND ABS(DATEDIFF(SECOND, logged_at, SYSDATETIMEOFFSET())) < 600
)
    THROW 50002, N'the load step did not log itself', 1;
GO
