SELECT * FROM ETL.Stg_Brokers JOIN [Raw_Data].brokers b ON 1 = 1;
