"""The visit log (接待登记).  Public module: :mod:`desktop.visits.api`."""
