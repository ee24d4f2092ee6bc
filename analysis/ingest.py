"""`python -m analysis.ingest PATH...`: add article files to the corpus and the store."""
import sys

from analysis.store.ingest import main

if __name__ == "__main__":
    sys.exit(main())
