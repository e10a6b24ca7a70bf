"""kwaldossier: Dutch MBO kwalificatiedossiers as typed data."""

__version__ = "0.1.0"
