"""Extraction: article text in, one row per in-scope figure mention out (FIGURES.md).

`pipeline.figures_of` is the recipe (`extract_article` runs it); the stages are modules of this package:
`articles` reads a file and its front matter; `sentences` splits the body and finds a
number's clause; `numbers` finds number phrases and `dates` day-precise dates; `tables`
reads text tables and tallies; `scope` decides which numbers are figures; `measure`,
`qualifier`, `claimant` and `claim_date` fill in their fields; `attribution` reads who
speaks where in the whole document; `document` lets mentions of one figure share what
they name; `confidence` says how sure each figure is. `state` holds what they share.
Every word list is data in `vocab`.
"""
from analysis.extract.pipeline import OUTPUT_FIELDS, extract_article, extract_text, public_row

__all__ = ["OUTPUT_FIELDS", "extract_article", "extract_text", "public_row"]
