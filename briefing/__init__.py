"""briefing: turn a folder of news articles into a dated, footnoted policy brief."""

__version__ = "0.1.0"
