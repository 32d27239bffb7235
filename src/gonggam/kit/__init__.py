"""Small shared plumbing: clock, html sanitizing, Korean analyzer, pagination."""
