"""cleannews: turn raw dumps of scraped Chinese news into clean, structured articles."""

__version__ = "0.1.0"
