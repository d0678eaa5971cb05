"""Everything a person reads that is not foundation text: result folders, summaries, charts,
workbooks, CSV and Parquet files, the board report and the answers' texts. Changes no number."""
