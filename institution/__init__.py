"""Institutional pages: standard pages, FAQ, publications, offices and contact."""
