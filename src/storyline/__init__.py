"""storyline: follow a breaking news story and keep its ledger of claims."""

__version__ = "0.1.0"
