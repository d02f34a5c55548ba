"""Template tags and filters of the accessibility app."""
