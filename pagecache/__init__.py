"""Full-page cache for anonymous visitors: keyed by URL, language and preference cookie."""
