/* 01-returns.sql: a RETURN event closes the member's open loan of that book. */
SET NOCOUNT ON;

UPDATE l
SET    ReturnedOn = e.event_on
FROM lib.Loans AS l
JOIN desk.events AS e
  ON e.member_id = l.MemberId AND e.isbn = l.Isbn AND e.event = N'RETURN'
WHERE l.ReturnedOn IS NULL;

PRINT CONCAT(N'returns: ', @@ROWCOUNT);
GO
