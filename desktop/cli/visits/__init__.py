"""The ``visits`` subcommands, one module per group of actions (the log, the report and
statistics, the knowledge base); each exposes ``register(actions)`` for the ``visits``
group's sub-parsers."""
