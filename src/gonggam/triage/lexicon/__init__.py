"""Word lists for triage, kept as data apart from the code that uses them."""
