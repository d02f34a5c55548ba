"""Site search: a results page per language over that language's live pages."""
