"""Settings: the outlet's profile (in the database) and this desk's preferences (typed
registry, stored in the data folder).  Public module: :mod:`desktop.settings.api`."""
