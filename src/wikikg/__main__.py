"""`python -m wikikg` runs the command line."""
from wikikg.cli import main

main()
