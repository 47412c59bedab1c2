/* 02-lend.sql: a LEND event opens a loan, for a known member who is not blocked. */
SET NOCOUNT ON;

INSERT INTO lib.Loans (MemberId, Isbn, LentOn)
SELECT e.member_id, e.isbn, e.event_on
FROM desk.events AS e
JOIN lib.Members AS m ON m.MemberId = e.member_id AND m.Blocked = 0
JOIN lib.Books AS b ON b.Isbn = e.isbn
WHERE e.event = N'LEND'
  AND NOT EXISTS (
      SELECT 1 FROM lib.Loans AS l
      WHERE l.MemberId = e.member_id AND l.Isbn = e.isbn AND l.ReturnedOn IS NULL
  );

PRINT CONCAT(N'loans: ', @@ROWCOUNT);
GO
