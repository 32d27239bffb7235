"""Walk-in and phone entry: an agent records a customer's message on their behalf."""
