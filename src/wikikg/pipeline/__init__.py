"""Stage order, process pools, streaming shards, Dask, limits and the gazetteer."""
