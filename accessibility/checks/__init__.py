"""Checks beyond axe-core: what keyboard and screen-reader users meet that markup rules miss."""
