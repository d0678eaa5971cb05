"""Running the model core: replications serially, in processes or on a Dask cluster
(:mod:`.runner`, :mod:`.cluster`), and their raw counts as tidy frames (:mod:`.results`)."""
