"""The web chat widget: a WebSocket channel into the ingest pipeline."""
