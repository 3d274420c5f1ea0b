"""German Reader: read German news with English beside it, a readability score and a glossary."""

__version__ = "0.1.0"
