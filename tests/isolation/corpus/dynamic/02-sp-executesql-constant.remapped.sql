EXEC sys.sp_executesql
    N'UPDATE sbx_dbo.Policies SET AnnualPremium = AnnualPremium * @factor WHERE ProductCode = @product',
    N'@factor DECIMAL(9,6), @product VARCHAR(10)',
    @factor = 1.05, @product = 'HOME';
