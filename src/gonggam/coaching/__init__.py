"""The reply coach inside the desk: coaching with a conversation's context, stored results,
editable playbooks, the admins' boilerplate phrases and drafts (the pure coach is `coach/`)."""
