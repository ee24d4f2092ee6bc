"""Estimate Desk's pure logic: reading articles, extracting figures, the store, queries."""
