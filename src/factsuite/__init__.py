"""factsuite: the numeric and temporal claims of news articles, checked as data."""

__version__ = "0.1.0"
