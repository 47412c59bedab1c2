-- construct: STUFF((SELECT ',' + x … FOR XML PATH('')), 1, 1, '') string aggregation
-- documented: https://learn.microsoft.com/en-us/sql/relational-databases/xml/columns-without-a-name
-- A column without a name is written as its text, with no element around it, so the
-- rows' values follow one another; XML escapes &, < and >.
DROP TABLE IF EXISTS dbo.xml_orders;
DROP TABLE IF EXISTS dbo.xml_items;
CREATE TABLE dbo.xml_orders (order_id INT, customer NVARCHAR(20));
CREATE TABLE dbo.xml_items (order_id INT, line INT, product NVARCHAR(20));
INSERT INTO dbo.xml_orders VALUES (1, N'Ana'), (2, N'Bo'), (3, N'Cy');
INSERT INTO dbo.xml_items VALUES (1, 2, N'Bolt'), (1, 1, N'Anchor'), (1, 3, N'Cable'),
    (2, 1, N'Salt & Pepper'), (2, 2, N'<none>'), (2, 3, NULL);
DECLARE @list NVARCHAR(200);
SET @list = STUFF((SELECT N',' + product FROM dbo.xml_items WHERE order_id = 1
                   ORDER BY line FOR XML PATH('')), 1, 1, N'');
PRINT @list;
-- prints: Anchor,Bolt,Cable
-- The plain form returns XML text: & < > come out as entities; a NULL adds nothing.
SET @list = STUFF((SELECT N';' + product FROM dbo.xml_items WHERE order_id = 2
                   ORDER BY line FOR XML PATH('')), 1, 1, N'');
PRINT @list;
-- prints: Salt &amp; Pepper;&lt;none&gt;
-- With TYPE, .value('.', 'NVARCHAR(MAX)') reads the text back, unescaped.
SET @list = STUFF((SELECT N';' + product FROM dbo.xml_items WHERE order_id = 2
                   ORDER BY line FOR XML PATH(''), TYPE).value('.', 'NVARCHAR(MAX)'), 1, 1, N'');
PRINT @list;
-- prints: Salt & Pepper;<none>
-- Correlated with an outer query, one list per row; no rows give NULL.
SELECT @list = STRING_AGG(CONCAT(o.customer, '=', ISNULL(STUFF((
        SELECT ', ' + i.product FROM dbo.xml_items AS i
        WHERE i.order_id = o.order_id ORDER BY i.product DESC
        FOR XML PATH(''), TYPE).value('.', 'NVARCHAR(MAX)'), 1, 2, ''), '-')), ' | ')
    WITHIN GROUP (ORDER BY o.order_id)
FROM dbo.xml_orders AS o;
PRINT @list;
-- prints: Ana=Cable, Bolt, Anchor | Bo=Salt & Pepper, <none> | Cy=-
DROP TABLE dbo.xml_items;
DROP TABLE dbo.xml_orders;
