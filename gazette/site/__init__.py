"""Stage: the site's sources — Markdown pages, browsing pages, open data and search text from the archive."""
