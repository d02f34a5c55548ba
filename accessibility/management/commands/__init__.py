"""Management commands of the accessibility app."""
