"""The accessibility area of the Wagtail admin: report views, editor status, the checker config."""
