"""Importing tickets from other help desks (Zendesk, Freshdesk exports) with original times."""
