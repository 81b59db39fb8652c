"""The tasks of ``benchmarks/run_benchmark.py``, one module each."""
