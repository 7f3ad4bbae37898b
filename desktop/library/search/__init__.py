"""Full-text search over the library: whoosh index, Chinese analyzer, query language."""
