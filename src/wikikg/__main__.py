"""`python -m wikikg` runs the command line."""
from .cli import main

main()
