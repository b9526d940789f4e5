"""The site's identity in MkDocs: name, address and footer follow ``gazette.yml``, not ``mkdocs.yml``.

The MkDocs hook calls :func:`apply_identity` when the configuration is loaded, so that ``site_name``,
``site_url`` and ``site_description`` and everything the templates print about the publisher
(``config.extra.gazette``) come from the one identity of the project.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from gazette.config import DEFAULT_PATH, Identity, load_config
from gazette.site.escaping import escaped_meta
from gazette.site.gov import site_tags

ICP_SEARCH = "https://beian.miit.gov.cn/"
"""The MIIT filing system, where an ICP备案号 is looked up (the link the rules require)."""
POLICE_SEARCH = "https://beian.mps.gov.cn/#/query/webSearch?code="
"""The national 互联网安全管理服务平台, looked up by the digits of a 公安机关备案号."""


def footer_rows(identity: Identity) -> list[dict]:
    """The footer's facts as ``{"label", "text", "href"}``, in the order government sites print them."""
    digits = "".join(re.findall(r"\d", identity.police_record))
    rows = [
        ("主办单位", identity.publisher, None),
        ("承办单位", identity.organizer, None),
        ("联系地址", identity.address, None),
        ("邮编", identity.postcode, None),
        ("联系电话", identity.phone, None),
        ("电子邮箱", identity.email, f"mailto:{identity.email}"),
        ("网站标识码", identity.site_id_code, None),
        ("ICP备案号", identity.icp, ICP_SEARCH),
        ("公安机关备案号", identity.police_record, POLICE_SEARCH + digits if digits else None),
    ]
    return [{"label": label, "text": text, "href": href} for label, text, href in rows if text.strip()]


def base_path(identity: Identity) -> str:
    """The folder the site is served from (``/repo/`` for ``https://owner.github.io/repo/``), ``/`` by default."""
    path = urlsplit(identity.site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def template_identity(identity: Identity) -> dict:
    """What the templates print about the publisher: names, footer, page tags, the site's folder; every
    value escaped text (:mod:`gazette.site.escaping`), as front matter is."""
    return escaped_meta({"name": identity.gazette, "publisher": identity.publisher, "footer": footer_rows(identity),
            "site_tags": site_tags(identity), "base_path": base_path(identity)})


def apply_identity(config, identity: Identity | None = None):
    """Set the MkDocs ``config``'s name, URL, description and ``extra.gazette`` from the identity."""
    if identity is None:
        folder = Path(config.config_file_path or ".").resolve().parent
        identity = load_config(folder / DEFAULT_PATH).identity
    config["site_name"] = identity.gazette
    if identity.site_url:
        config["site_url"] = identity.site_url if identity.site_url.endswith("/") else identity.site_url + "/"
    config["site_description"] = identity.description or identity.gazette
    config["extra"]["gazette"] = template_identity(identity)
    return config
