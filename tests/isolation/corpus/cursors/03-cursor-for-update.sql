DECLARE @id BIGINT;
DECLARE policy_cur CURSOR FOR
    SELECT PolicyId FROM dbo.Policies WHERE ExpiryDate IS NULL
    FOR UPDATE OF ExpiryDate;
OPEN policy_cur;
FETCH NEXT FROM policy_cur INTO @id;
WHILE @@FETCH_STATUS = 0
BEGIN
    UPDATE dbo.Policies SET ExpiryDate = DATEADD(YEAR, 1, InceptionDate) WHERE CURRENT OF policy_cur;
    FETCH NEXT FROM policy_cur INTO @id;
END
CLOSE policy_cur
DEALLOCATE policy_cur
