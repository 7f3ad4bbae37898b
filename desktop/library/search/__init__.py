"""Full-text search over the library: whoosh index, Chinese analyzer, query language."""

from desktop.library.search import whoosh_speedups

whoosh_speedups.apply()
