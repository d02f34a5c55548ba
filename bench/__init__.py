"""Benchmarks: render timings, throughput under gunicorn, page weight, audit speed, scale run."""
