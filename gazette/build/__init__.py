"""Stage: building — convert, cache, MkDocs, search index, offline archive; the only writer of files."""
