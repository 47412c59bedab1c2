/* Production as it stands: the warehouse has an etl schema and no staging schema. */
CREATE SCHEMA etl;
GO
CREATE TABLE etl.order_totals (
    bucket  varchar(10) NOT NULL,
    orders  int         NOT NULL
);
GO
INSERT INTO etl.order_totals (bucket, orders) VALUES ('small', 4);
GO
