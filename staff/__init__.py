"""Staff accounts: two-factor sign-in, session limits and the sign-in log of the admin."""
