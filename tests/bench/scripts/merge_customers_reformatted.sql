-- Reformatted by a SQL formatter: lower-case keywords, one clause a line, comments moved.
set nocount on;
update c set c.Name = s.customer_name
from sales.Customers as c
    join (
        select customer_ref, max(customer_name) as customer_name
        from stage.orders
        group by customer_ref
    ) as s on s.customer_ref = c.CustomerRef   -- match on the business key
where s.customer_name is not null
    and isnull(c.Name, N'') <> s.customer_name;

/* then the customers we have never seen */
insert into sales.customers (customerref, name)
select s.customer_ref, max(s.customer_name)
from stage.orders as s
where not exists (
    select 1 from sales.Customers as c where c.CustomerRef = s.customer_ref
)
group by s.customer_ref;
go
