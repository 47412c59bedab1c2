DELETE FROM crm.contacts WHERE customer_id NOT IN (SELECT customer_id FROM crm.customers);
GO
