"""Text utilities: sentence splitting, number words, cleaning."""
