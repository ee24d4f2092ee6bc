"""`python -m analysis.build`: build the DuckDB store from data/articles."""
import sys

from analysis.store import main

if __name__ == "__main__":
    sys.exit(main())
