"""Complaint handling: the public complaint page, confidential cases for the officers, delivery."""
