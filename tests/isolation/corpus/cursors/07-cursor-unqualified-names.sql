DECLARE @code VARCHAR(20)
DECLARE c CURSOR FOR SELECT CustomerCode FROM Customers WHERE Email IS NULL
OPEN c
FETCH NEXT FROM c INTO @code
WHILE @@FETCH_STATUS = 0
BEGIN
    UPDATE Customers SET Email = @code + '@example.invalid' WHERE CustomerCode = @code
    FETCH NEXT FROM c INTO @code
END
CLOSE c
DEALLOCATE c
