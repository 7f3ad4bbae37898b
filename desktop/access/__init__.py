"""Who may do what: PostgreSQL roles and logins, desk profiles, sign-in, the audit log."""
