TRUNCATE TABLE crm.customers;
INSERT INTO crm.customers SELECT * FROM raw.customers;
GO
