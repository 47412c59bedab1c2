DECLARE @x XML = N'<r><a v="1"/></r>';
SELECT x.value('(/r/a/@v)[1]', 'int') AS v FROM (SELECT @x AS x) AS d;
SELECT T.c.value('@v', 'int') AS v, T.c.query('.') AS node FROM @x.nodes('/r/a') AS T(c);
