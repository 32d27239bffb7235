"""Demo data: a realistic Korean desk to explore gonggam with (`gonggam demo`)."""
