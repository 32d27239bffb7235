"""gonggam: a Korean-first customer-service desk built around service recovery."""
