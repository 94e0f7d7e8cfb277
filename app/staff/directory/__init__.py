"""The directory for directory editors: each service's easy-read words, written, checked and published."""
