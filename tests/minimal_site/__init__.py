"""A second, minimal Wagtail project: it installs the accessibility app and no other app of ours."""
