"""The server-rendered web UI: templates, static files and page routes of every domain."""
