"""Public posts and reviews: fast, high priority, moved to a private channel, then followed up."""
