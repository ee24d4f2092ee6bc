"""Extraction: article text in, one row per in-scope figure mention out (FIGURES.md).

The stages, each a module of this package: `articles` reads a file and its front matter;
`sentences` splits the body; `numbers` finds number phrases and `dates` day-precise dates;
`tables` reads text tables and tallies; `pipeline` decides which numbers are figures and
fills in their fields. Every word list is data in `vocab`.
"""
from analysis.extract.pipeline import OUTPUT_FIELDS, extract_article, extract_text, public_row

__all__ = ["OUTPUT_FIELDS", "extract_article", "extract_text", "public_row"]
