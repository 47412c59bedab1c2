INSERT INTO stage.customers (customer_id, name) SELECT id, name FROM "src"."Customers";
GO
