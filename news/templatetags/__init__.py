"""Template tags and filters of the news pages and the pagination include."""
