"""`python -m analysis.export`."""
import sys

from analysis.export import main

sys.exit(main())
