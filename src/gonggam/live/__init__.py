"""Live updates: browsers follow the committed event log over server-sent events."""
