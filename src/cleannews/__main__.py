"""``python -m cleannews`` runs the command-line interface."""

from .cli import main

main()
