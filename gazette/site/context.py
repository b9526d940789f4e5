"""What every generated page and data file needs beyond the archive: the configuration and the facts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gazette.config import Config, load_config
from gazette.site.facts import FactBook, compile_facts


@dataclass(frozen=True)
class Site:
    """The configuration of the gazette and the 政务公开 facts of the archive's documents."""

    config: Config
    """``gazette.yml``."""
    facts: FactBook
    """Facts of every document, by document."""

    @property
    def identity(self):
        return self.config.identity

    def url(self, path: str) -> str:
        """The absolute URL of a site path when ``site_url`` is configured, else the path from the site root."""
        base = self.identity.site_url
        return (base.rstrip("/") + "/" + path) if base else "/" + path


def site_for(archive, config: Config | None = None, today: date | None = None,
             config_path: str = "gazette.yml") -> Site:
    """The site context of ``archive``: ``gazette.yml`` unless ``config`` is given, overrides checked."""
    config = config if config is not None else load_config(config_path)
    return Site(config, compile_facts(archive, config, today, config_path))
