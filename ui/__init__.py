"""The Streamlit glue shared by app.py and the pages, one module per concern: `nav`
(running every page through app.py), `connection` (the store), `filters` (the sidebar),
`downloads`, `messages` and `boundary` (errors shown as plain text). Logic lives in
analysis/."""
