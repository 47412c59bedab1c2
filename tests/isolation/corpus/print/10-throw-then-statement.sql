IF OBJECT_ID(N'stage.Policies') IS NULL
    THROW 50001, N'stage.Policies is missing', 1;
UPDATE stage.Policies SET PolicyNumber = LTRIM(RTRIM(PolicyNumber));
IF @@ROWCOUNT = 0 THROW 50002, N'no rows', 1
DELETE stage.Policies WHERE PolicyNumber = ''
