"""`python -m analysis.extract PATH...`: one JSON object per figure mention."""
import sys

from analysis.extract.pipeline import main

sys.exit(main())
