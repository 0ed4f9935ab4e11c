"""Other ways to run the build: a dask.distributed cluster (``kg build --engine dask``)."""
