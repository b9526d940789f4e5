"""Browser tests of the built site (headless Chromium)."""
