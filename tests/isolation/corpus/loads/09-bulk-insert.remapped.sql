TRUNCATE TABLE sbx_stage.PolicyLoad;
BULK INSERT sbx_stage.PolicyLoad
FROM 'D:\feeds\policies.csv'
WITH (FIRSTROW = 2, FIELDTERMINATOR = ';', ROWTERMINATOR = '0x0a', TABLOCK, CODEPAGE = '65001');
