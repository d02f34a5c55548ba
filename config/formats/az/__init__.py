"""Azerbaijani formats."""
