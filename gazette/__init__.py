"""Government gazette (政府公报) publishing: gazette text → document model → Markdown → site."""

__version__ = "0.1.0"
