"""reportascode: the annual report of a call-centre (B24) licence, kept as code."""

__version__ = "0.1.0"
