"""Client profiles (客户档案).  Public module: :mod:`desktop.clients.api`."""
