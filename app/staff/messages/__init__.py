"""The outbox page: messages waiting or failed, and sending one again."""
