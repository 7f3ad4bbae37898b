"""Moving data between databases: portable backup and restore, a desk joining the network
(``db copy``), automatic backups of a SQLite desk.  The front door is :mod:`.api`."""
