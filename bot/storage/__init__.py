"""Storage: SQLAlchemy Core tables, repositories and the unit of work around one user turn."""
