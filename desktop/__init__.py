"""IP Desk (知识产权服务台): core package.

Everything in ``desktop`` except ``desktop.ui`` is plain Python (no Qt), so it can be
used from the command line and tested headless.
"""

__version__ = "0.1.0"
