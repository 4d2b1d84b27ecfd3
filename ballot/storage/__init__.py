"""Storage: SQLAlchemy models, migrations and repository functions (nothing else touches SQL)."""

from ballot.storage.elections import load_asset, load_election, save_election
from ballot.storage.store import Store

__all__ = ["Store", "load_asset", "load_election", "save_election"]
